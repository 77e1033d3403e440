import type { Issue } from '@ioc/domain'

/** Where an item sits in the request: NDJSON line (1-based) or JSON array index (0-based). */
export type ItemLocation = { line: number } | { index: number }
export interface ParsedItem {
  at: ItemLocation
  value: unknown
}
export type BatchFormat = 'json' | 'ndjson'

/** Splits a request body into items, reporting every line or document that is not JSON. */
export function parseBatch(text: string, format: BatchFormat): { items: ParsedItem[]; issues: Issue[] } {
  return format === 'ndjson' ? parseNdjson(text) : parseJsonArray(text)
}

function parseNdjson(text: string): { items: ParsedItem[]; issues: Issue[] } {
  const items: ParsedItem[] = []
  const issues: Issue[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string
    // Blank lines (and the final newline) carry nothing; NDJSON readers skip them.
    if (raw.trim() === '') continue
    const line = i + 1
    try {
      items.push({ at: { line }, value: JSON.parse(raw) })
    } catch (e) {
      issues.push({ line, field: '(line)', message: `malformed JSON: ${(e as Error).message}` })
    }
  }
  return { items, issues }
}

function parseJsonArray(text: string): { items: ParsedItem[]; issues: Issue[] } {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    const message = (e as Error).message
    const position = /at position (\d+)/.exec(message)?.[1]
    const line = position === undefined ? undefined : lineAt(text, Number(position))
    return {
      items: [],
      issues: [{ ...(line && { line }), field: '(root)', message: `malformed JSON: ${message}` }],
    }
  }
  if (!Array.isArray(doc)) {
    return { items: [], issues: [{ field: '(root)', message: 'expected a JSON array of observations' }] }
  }
  return { items: doc.map((value, index) => ({ at: { index }, value })), issues: [] }
}

function lineAt(text: string, position: number): number {
  let line = 1
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
