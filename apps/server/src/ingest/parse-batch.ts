import type { Issue } from '@ioc/domain'

/** Where an item sits in the request: NDJSON line (1-based) or JSON array index (0-based). */
export type ItemLocation = { line: number } | { index: number }
/**
 * A batch's items, and where each sits. The location is made only for an item with a problem: a batch
 * of 5,000 good lines would otherwise carry 10,000 objects more through validation (and the GC).
 */
export interface ParsedItems {
  values: unknown[]
  locate(i: number): ItemLocation
}
export type BatchFormat = 'json' | 'ndjson'

/** Splits a request body into items, reporting every line or document that is not JSON. */
export function parseBatch(text: string, format: BatchFormat): { items: ParsedItems; issues: Issue[] } {
  return format === 'ndjson' ? parseNdjson(text) : parseJsonArray(text)
}

function parseNdjson(text: string): { items: ParsedItems; issues: Issue[] } {
  const values: unknown[] = []
  const lineOf: number[] = []
  const issues: Issue[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string
    // Blank lines (and the final newline) carry nothing; NDJSON readers skip them.
    if (raw.trim() === '') continue
    const line = i + 1
    try {
      values.push(JSON.parse(raw))
      lineOf.push(line)
    } catch (e) {
      issues.push({ line, field: '(line)', message: `malformed JSON: ${(e as Error).message}` })
    }
  }
  return { items: itemsOnLines(values, lineOf), issues }
}

function parseJsonArray(text: string): { items: ParsedItems; issues: Issue[] } {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    const message = (e as Error).message
    const position = /at position (\d+)/.exec(message)?.[1]
    const line = position === undefined ? undefined : lineAt(text, Number(position))
    return {
      items: indexedItems([]),
      issues: [{ ...(line && { line }), field: '(root)', message: `malformed JSON: ${message}` }],
    }
  }
  if (!Array.isArray(doc)) {
    return {
      items: indexedItems([]),
      issues: [{ field: '(root)', message: 'expected a JSON array of observations' }],
    }
  }
  return { items: indexedItems(doc), issues: [] }
}

function lineAt(text: string, position: number): number {
  let line = 1
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Items read from NDJSON, `lines[k]` being the line of `values[k]`. */
export function itemsOnLines(values: unknown[], lines: readonly number[]): ParsedItems {
  return { values, locate: (k) => ({ line: lines[k] as number }) }
}

/** Items of a JSON array; `indexes[k]` is where `values[k]` stood when some items were left out. */
export function indexedItems(values: unknown[], indexes?: readonly number[]): ParsedItems {
  return { values, locate: (k) => ({ index: indexes ? (indexes[k] as number) : k }) }
}
