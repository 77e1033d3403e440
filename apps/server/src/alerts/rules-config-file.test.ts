import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadNetwork } from '@ioc/fixtures'
import { afterAll, expect, test } from 'vitest'
import { DEFAULT_RULES_CONFIG } from './alert-config'
import { readRulesConfigFile } from './rules-config-file'

const network = loadNetwork()
const dir = mkdtempSync(join(tmpdir(), 'ioc-rules-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

test('the shipped rules load', () => {
  expect(readRulesConfigFile(DEFAULT_RULES_CONFIG, network).waterLevel.clearMarginM).toBe(0.05)
})

test('a bad rules file stops the start, naming the file and each problem', () => {
  expect(() => readRulesConfigFile(join(dir, 'missing.json'), network)).toThrow(/missing\.json: cannot read/)
  expect(() => readRulesConfigFile(file('broken.json', '{"waterLevel":'), network)).toThrow(/not valid JSON/)
  const typo = file(
    'typo.json',
    JSON.stringify({
      ...JSON.parse(readFileSync(DEFAULT_RULES_CONFIG, 'utf8')),
      stations: { 'phu-ann': {} },
    }),
  )
  expect(() => readRulesConfigFile(typo, network)).toThrow(/invalid rules configuration:\n.*phu-ann/)
})
