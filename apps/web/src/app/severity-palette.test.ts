// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const SRC = fileURLToPath(new URL('..', import.meta.url))
const stylesheets = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.css'))
  .map((f) => ({ file: relative(SRC, join(SRC, f)), css: readFileSync(join(SRC, f), 'utf8') }))

/** Rules whose selector is about a severity and that paint with a colour of their own. */
function severityColourRules(css: string): string[] {
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').split('}')
  return rules.flatMap((rule) => {
    const [selector = '', body = ''] = rule.split('{')
    const aboutSeverity =
      /\b(severity|queue|ticker)-(warning|minor|major|critical)\b|severity-badge|ticker-severity/
    const ownColour =
      /(^|;)\s*(background|color|border(-[a-z]+)?-color|border(-[a-z]+)?)\s*:[^;]*(#[0-9a-f]{3,8}\b|rgba?\(|hsla?\()/i
    return aboutSeverity.test(selector) && ownColour.test(body) ? [selector.trim()] : []
  })
}

test('no stylesheet spells a severity colour: they all take the one palette (layers/colors.ts)', () => {
  expect(stylesheets.length).toBeGreaterThan(3)
  const spelled = stylesheets.flatMap(({ file, css }) => severityColourRules(css).map((s) => `${file}: ${s}`))
  expect(spelled).toEqual([])
})

test('the palette stylesheet reads every severity from the custom properties set from TypeScript', () => {
  const palette = stylesheets.find((s) => s.file === join('app', 'severity.css'))?.css ?? ''
  for (const s of ['warning', 'minor', 'major', 'critical'])
    expect(palette).toContain(`--severity: var(--severity-${s});`)
})
