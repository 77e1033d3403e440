import type { Formatters } from '../i18n/format'

/** A value in an alert's unit as the reader's locale writes it: "1,62 m", "12 km/h", "35 cm". */
export function formatMeasure(f: Formatters, value: number, unit: string): string {
  switch (unit) {
    case 'm':
      return f.metres(value)
    case 'cm':
      return f.centimetres(value)
    case 'km/h':
      return f.kph(value)
    // Sensor-silent alerts measure the silence in seconds; nobody reads 1,800 s.
    case 's':
      return f.duration(value * 1000)
    default:
      return `${f.number(value, 2)} ${unit}`
  }
}
