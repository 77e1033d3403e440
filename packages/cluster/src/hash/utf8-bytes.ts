/**
 * The UTF-8 encoding of `s`, as `TextEncoder` gives it (a lone surrogate becomes U+FFFD), written out
 * because packages compile without the DOM and Node globals. Hashes must read bytes, not UTF-16 units,
 * so that a key hashes the same in any language that stores it (PostgreSQL, Lua in Redis, a Go tool).
 */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    let c = ch.codePointAt(0) ?? 0xfffd
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
  }
  return Uint8Array.from(out)
}
