import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { loadConfig } from '../config/config'
import { readIncidentConfigFiles } from './incident-config'

const dir = mkdtempSync(join(tmpdir(), 'ioc-incident-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const shipped = loadConfig({}).incidents

test('the shipped grouping rules and procedures load', () => {
  const { grouping, procedures } = readIncidentConfigFiles(shipped)
  expect(grouping.streetFlood.sameDistrict).toBe(true)
  expect(
    procedures.procedures.find((p) => p.id === 'gauge-bao-dong-3')?.steps.map((s) => s.text.vi),
  ).toContain('Điều xe bơm lưu động đến điểm ngập')
})

test('a bad file stops the start, naming the variable, the file and each problem', () => {
  const grouping = JSON.parse(readFileSync(shipped.groupingConfigPath, 'utf8'))
  const bad = join(dir, 'incidents.json')
  writeFileSync(bad, JSON.stringify({ ...grouping, congestion: { ...grouping.congestion, joinM: -1 } }))
  expect(() => readIncidentConfigFiles({ ...shipped, groupingConfigPath: bad })).toThrow(
    /INCIDENTS_CONFIG=.*incidents\.json: invalid grouping configuration:\n {2}congestion\.joinM/,
  )
  const procedures = JSON.parse(readFileSync(shipped.proceduresConfigPath, 'utf8'))
  const twice = join(dir, 'procedures.json')
  writeFileSync(twice, JSON.stringify({ procedures: [...procedures.procedures, procedures.procedures[0]] }))
  expect(() => readIncidentConfigFiles({ ...shipped, proceduresConfigPath: twice })).toThrow(
    /PROCEDURES_CONFIG=.*procedures\.json: invalid procedures configuration:\n {2}procedures: procedure ids must be unique/s,
  )
})
