import { CitizenReportCode } from '@ioc/domain'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { normalizeTrackingCode, trackingCodeFrom } from './tracking-code'

test('every 5 random bytes make a valid code that reads back however it is typed', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
      const code = trackingCodeFrom(bytes)
      expect(CitizenReportCode.safeParse(code).success).toBe(true)
      expect(normalizeTrackingCode(code.toLowerCase().replace('-', ' '))).toBe(code)
    }),
  )
})

test('distinct bytes give distinct codes: 40 bits in, 40 bits out', () => {
  expect(trackingCodeFrom(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0000-0000')
  expect(trackingCodeFrom(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ')
  expect(trackingCodeFrom(new Uint8Array([0, 0, 0, 0, 1]))).toBe('0000-0001')
})

test('look-alike letters are read as the digits they stand for; junk is no code', () => {
  expect(normalizeTrackingCode('7k3m-9qoi')).toBe('7K3M-9Q01')
  expect(normalizeTrackingCode('7K3M')).toBeNull()
  expect(normalizeTrackingCode('7K3M-9QAU')).toBeNull()
})
