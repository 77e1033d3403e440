// Formatters are built once: Intl construction costs far more than formatting, and alerts are rare.
// vi-VN writes a decimal comma ("1,65"), en-GB a decimal point ("1.65").
function formatters(digits: number): { vi: Intl.NumberFormat; en: Intl.NumberFormat } {
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits }
  return { vi: new Intl.NumberFormat('vi-VN', options), en: new Intl.NumberFormat('en-GB', options) }
}

const METRES = formatters(2)
const WHOLE = formatters(0)

export interface Bilingual {
  vi: string
  en: string
}

/** Metres with two decimals: { vi: "1,65", en: "1.65" }. */
export function formatMetres(m: number): Bilingual {
  return { vi: METRES.vi.format(m), en: METRES.en.format(m) }
}

/** A whole number (cm, km/h, minutes): { vi: "32", en: "32" }; large values get a locale separator. */
export function formatWhole(x: number): Bilingual {
  return { vi: WHOLE.vi.format(x), en: WHOLE.en.format(x) }
}

/** Milliseconds as whole minutes, rounded: 1_800_000 → "30". */
export function formatMinutes(ms: number): Bilingual {
  return formatWhole(ms / 60_000)
}
