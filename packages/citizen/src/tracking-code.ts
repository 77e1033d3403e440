/** Crockford's base 32 (no I, L, O, U): read aloud or typed from a phone without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A tracking code like `7K3M-9QAB` from 5 random bytes (40 bits): unguessable enough for a status page. */
export function trackingCodeFrom(random: Uint8Array): string {
  if (random.length < 5) throw new Error('a tracking code needs 5 random bytes')
  let bits = 0n
  for (const b of random.subarray(0, 5)) bits = (bits << 8n) | BigInt(b)
  let code = ''
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)]
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** A code as typed: upper case, O → 0, I and L → 1, the dash optional. Null when it cannot be one. */
export function normalizeTrackingCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4)}` : null
}
