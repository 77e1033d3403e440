const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Epoch ms of an ISO 8601 time with offset, as `Date.parse` gives it, several times faster for the
 * one shape the domain Timestamp accepts: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. Anything else
 * (and any field out of range) goes to `Date.parse`. Fractions beyond milliseconds are cut, as V8 does.
 */
export function parseIsoMs(s: string): number {
  const n = s.length
  if (
    n < 20 ||
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58
  )
    return Date.parse(s)
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 2)
  const day = digits(s, 8, 2)
  const hour = digits(s, 11, 2)
  const minute = digits(s, 14, 2)
  const second = digits(s, 17, 2)
  // NaN fails every comparison, so a non-digit anywhere lands in Date.parse too.
  if (
    !(year >= 100 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59) ||
    day > daysInMonth(year, month)
  )
    return Date.parse(s)
  let i = 19
  let ms = 0
  if (s.charCodeAt(i) === 46 /* . */) {
    const first = ++i
    let scale = 100
    for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) {
      ms += d * scale
      scale /= 10
    }
    if (i === first) return Date.parse(s)
    ms = Math.floor(ms)
  }
  let offsetMin: number
  const zone = s.charCodeAt(i)
  if (zone === 90 /* Z */ && i + 1 === n) offsetMin = 0
  else if ((zone === 43 /* + */ || zone === 45) /* - */ && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const h = digits(s, i + 1, 2)
    const m = digits(s, i + 4, 2)
    if (!(h <= 23 && m <= 59)) return Date.parse(s)
    offsetMin = (h * 60 + m) * (zone === 45 ? -1 : 1)
  } else return Date.parse(s)
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29
  return DAYS_IN_MONTH[month - 1] as number
}

/** The decimal number in `s[start, start + count)`, or NaN if any of it is not a digit. */
function digits(s: string, start: number, count: number): number {
  let x = 0
  for (let i = start; i < start + count; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return Number.NaN
    x = x * 10 + d
  }
  return x
}
