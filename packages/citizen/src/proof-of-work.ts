/**
 * Hashcash-style proof of work (Back 2002, hashcash.org): find a nonce such that
 * SHA-256(challenge ":" nonce) starts with `bits` zero bits. Costs the sender ~2^bits hashes and the
 * server one. WebCrypto, so the same code runs in the browser and in Node, offline.
 */

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

const encoder = new TextEncoder()

async function digestOf(challenge: string, nonce: number): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`)))
}

/** Whether `nonce` solves `challenge` at `bits`. */
export async function solvesChallenge(challenge: string, nonce: number, bits: number): Promise<boolean> {
  return (
    Number.isSafeInteger(nonce) && nonce >= 0 && leadingZeroBits(await digestOf(challenge, nonce)) >= bits
  )
}

/**
 * The first nonce that solves `challenge`. Hashes `parallel` nonces per await: WebCrypto's digest is
 * async, and one at a time most of the time goes to the promise round trip, not to SHA-256.
 */
export async function solveChallenge(
  challenge: string,
  bits: number,
  options: { parallel?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const parallel = options.parallel ?? 256
  for (let start = 0; ; start += parallel) {
    options.signal?.throwIfAborted()
    const nonces = Array.from({ length: parallel }, (_, i) => start + i)
    const digests = await Promise.all(nonces.map((n) => digestOf(challenge, n)))
    const hit = digests.findIndex((d) => leadingZeroBits(d) >= bits)
    if (hit >= 0) return start + hit
  }
}
