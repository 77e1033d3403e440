import { formatLocalIso } from '@ioc/domain'

/**
 * A CAP dateTime in Vietnam time, to the second: "2025-11-06T17:05:00+07:00". CAP 1.2 §3.3.2 forbids
 * "Z" and fractions of a second are not in its pattern.
 */
export function formatCapTime(ms: number): string {
  return formatLocalIso(ms)
}

/** "17:05 06/11/2025": how the warnings' texts give a time, in Vietnam time for both languages. */
export function formatLocalTime(ms: number): string {
  const t = formatLocalIso(ms)
  return `${t.slice(11, 16)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`
}
