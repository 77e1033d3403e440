import { err, ok, type Result } from '@ioc/domain'
import decodeHeic from 'heic-decode'
import sharp, { type Sharp } from 'sharp'

/** The photo as stored: a JPEG at most 1600 px a side, without any metadata (EXIF, GPS, XMP, ICC). */
export interface StoredPhoto {
  jpeg: Buffer
  width: number
  height: number
}

/** Why a photo is refused, as the Open311 error it is answered with. */
export interface PhotoError {
  code: 'unsupported_media_type' | 'invalid_request'
  message: string
}

export type PhotoResult = Result<StoredPhoto, PhotoError>

const MAX_SIDE_PX = 1600
/** 50 megapixels: more than any phone camera, less than a decompression bomb. */
const MAX_INPUT_PIXELS = 50_000_000

/** What the bytes are, by their magic numbers: what the sender claims is not trusted. */
export function sniffImageType(b: Buffer): 'jpeg' | 'png' | 'heic' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png'
  // ISO BMFF: size, "ftyp", then the major brand; iPhones write heic, others mif1/heix/hevc.
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    const brand = b.toString('latin1', 8, 12)
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) return 'heic'
  }
  return null
}

/**
 * Decodes a JPEG, PNG or HEIC photo, turns it upright (EXIF orientation), bounds it to 1600 px and
 * re-encodes it as JPEG with no metadata at all, so the sender's GPS position and phone never leave
 * here. sharp's prebuilt libvips reads HEIF only with AV1 inside (AVIF): an iPhone's HEVC-coded HEIC
 * is decoded by libheif compiled to WebAssembly (heic-decode) and handed to sharp as pixels.
 */
export async function processPhoto(input: Buffer): Promise<PhotoResult> {
  const type = sniffImageType(input)
  if (!type)
    return err({ code: 'unsupported_media_type', message: 'photo: expected a JPEG, PNG or HEIC image' })
  try {
    const image =
      type === 'heic'
        ? await heicPixels(input)
        : sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    const { data, info } = await image
      .rotate()
      .resize({ width: MAX_SIDE_PX, height: MAX_SIDE_PX, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
    return ok({ jpeg: data, width: info.width, height: info.height })
  } catch (e) {
    return err({
      code: 'invalid_request',
      message: `photo: the ${type.toUpperCase()} image cannot be read (${(e as Error).message.split('\n')[0]})`,
    })
  }
}

async function heicPixels(input: Buffer): Promise<Sharp> {
  // The header first: a bomb is refused before libheif allocates its pixels.
  const meta = await sharp(input).metadata()
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) throw new Error('more than 50 megapixels')
  // libheif applies the image's rotation and mirroring (irot/imir) while decoding.
  const { width, height, data } = await decodeHeic({ buffer: input })
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width, height, channels: 4 },
  })
}
