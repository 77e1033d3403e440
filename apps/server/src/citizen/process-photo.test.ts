import { readFileSync } from 'node:fs'
import exifr from 'exifr'
import sharp from 'sharp'
import { expect, test } from 'vitest'
import { processPhoto, sniffImageType } from './process-photo'

// A 480×360 phone-like JPEG whose EXIF carries a GPS position in Quận 1 and the phone's make, and the
// same picture as an HEVC-coded HEIC (heif-enc from libheif, as an iPhone writes it).
const jpeg = readFileSync(new URL('../../test/fixtures/flood.jpg', import.meta.url))
const heic = readFileSync(new URL('../../test/fixtures/flood.heic', import.meta.url))

test('the test photo does carry a GPS position, so the next test can fail', async () => {
  const gps = await exifr.gps(jpeg)
  expect(gps?.latitude).toBeCloseTo(10.775, 2)
  expect(sniffImageType(heic)).toBe('heic')
})

test('a JPEG with a GPS position is stored re-encoded without any EXIF', async () => {
  const r = await processPhoto(jpeg)
  if (!r.ok) throw new Error(r.error.message)
  expect(r.value).toMatchObject({ width: 480, height: 360 })
  expect(await exifr.parse(r.value.jpeg, true)).toBeUndefined()
  expect((await sharp(r.value.jpeg).metadata()).exif).toBeUndefined()
})

test('an iPhone-style HEIC is decoded and stored as a JPEG without its EXIF', async () => {
  const r = await processPhoto(heic)
  if (!r.ok) throw new Error(r.error.message)
  expect(sniffImageType(r.value.jpeg)).toBe('jpeg')
  expect(r.value).toMatchObject({ width: 480, height: 360 })
  expect(await exifr.parse(r.value.jpeg, true)).toBeUndefined()
})

test('a large PNG is bounded to 1600 px a side', async () => {
  const png = await sharp({ create: { width: 4000, height: 2000, channels: 3, background: '#3a7bd5' } })
    .png()
    .toBuffer()
  const r = await processPhoto(png)
  expect(r.ok && r.value).toMatchObject({ width: 1600, height: 800 })
})

test('a text file is no image (415); a cut-off JPEG cannot be read (400)', async () => {
  expect(await processPhoto(Buffer.from('not a photo at all'))).toMatchObject({
    ok: false,
    error: { code: 'unsupported_media_type' },
  })
  expect(await processPhoto(jpeg.subarray(0, 600))).toMatchObject({
    ok: false,
    error: { code: 'invalid_request' },
  })
})
