import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

/** A value of COPY's text format: \N for null, numbers as JS prints them (exact for float8 and int8 < 2^53). */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N'
  if (typeof v === 'number') return String(v)
  // Backslash first, then the characters that would end a field or a row.
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

/** Lines of COPY text, a bounded chunk at a time, so a batch of any size streams under backpressure. */
function* copyText(
  rows: readonly (readonly (string | number | null)[])[],
  chunkRows = 1000,
): Generator<string> {
  for (let i = 0; i < rows.length; i += chunkRows) {
    let text = ''
    for (const row of rows.slice(i, i + chunkRows)) text += `${row.map(copyField).join('\t')}\n`
    yield text
  }
}

/** Streams `rows` into `table` (its columns in order) with `COPY … FROM STDIN`, inside the caller's transaction. */
export async function copyRows(
  db: pg.ClientBase,
  table: string,
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  await pipeline(copyText(rows), db.query(copyFrom(`COPY ${table} FROM STDIN`)))
}
