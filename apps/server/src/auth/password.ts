import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * scrypt with N = 2^15, r = 8, p = 1 (32 MiB, ~100 ms here): the parameters are stored with each hash
 * so they can be raised later without invalidating existing passwords.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32

function derive(password: string, salt: Buffer, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 · N · r bytes.
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...o, maxmem: 256 * (o.N ?? 0) * (o.r ?? 0) },
      (e, key) => (e ? reject(e) : resolve(key)),
    )
  })
}

/** `scrypt$N$r$p$salt$key` with a fresh 16-byte salt, base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  )
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A password for a generated account: 24 base64url characters, 144 bits. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url')
}
