import { readFile } from 'node:fs/promises'
import { API_TYPES_PATH, renderApiTypes } from '@ioc/server'
import { expect, test } from 'vitest'

test('the web client is typed by the OpenAPI document as it stands (else run `pnpm api:types`)', async () => {
  const committed = await readFile(new URL(`../../${API_TYPES_PATH}`, import.meta.url), 'utf8')
  const fresh = await renderApiTypes()
  // A plain equality would print 3,000 lines; the first differing line says which route moved.
  const lines = (s: string) => s.split('\n')
  const at = lines(fresh).findIndex((line, i) => line !== lines(committed)[i])
  expect(
    at === -1 && lines(fresh).length === lines(committed).length
      ? null
      : { line: at + 1, expected: lines(fresh)[at], committed: lines(committed)[at] },
  ).toBeNull()
})
