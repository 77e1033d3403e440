import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseIsoMs } from './parse-iso-ms'

const pad = (x: number, w: number) => String(x).padStart(w, '0')

describe('parseIsoMs', () => {
  test('reads a Vietnam-time reading to the same instant as its UTC form', () => {
    expect(parseIsoMs('2025-11-05T17:30:00+07:00')).toBe(Date.UTC(2025, 10, 5, 10, 30))
    expect(parseIsoMs('2025-11-05T10:30:00.250Z')).toBe(Date.UTC(2025, 10, 5, 10, 30, 0, 250))
  })

  test('agrees with Date.parse on any well-formed or nearly well-formed time', () => {
    const iso = fc
      .record({
        y: fc.integer({ min: 0, max: 9999 }),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 24 }),
        mi: fc.integer({ min: 0, max: 60 }),
        s: fc.integer({ min: 0, max: 60 }),
        frac: fc.option(fc.stringMatching(/^[0-9]{0,9}$/)),
        zone: fc.oneof(
          fc.constant('Z'),
          fc.constant(''),
          fc
            .tuple(
              fc.constantFrom('+', '-'),
              fc.integer({ min: 0, max: 24 }),
              fc.integer({ min: 0, max: 60 }),
            )
            .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
        ),
      })
      .map(
        (t) =>
          `${pad(t.y, 4)}-${pad(t.mo, 2)}-${pad(t.d, 2)}T${pad(t.h, 2)}:${pad(t.mi, 2)}:${pad(t.s, 2)}` +
          `${t.frac === null ? '' : `.${t.frac}`}${t.zone}`,
      )
    fc.assert(
      fc.property(fc.oneof(iso, fc.string()), (s) => {
        expect(parseIsoMs(s)).toStrictEqual(Date.parse(s))
      }),
      { numRuns: 5000 },
    )
  })
})
