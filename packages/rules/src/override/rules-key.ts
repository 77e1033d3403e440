import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { RulesConfig } from '../config/rules-config'
import { isPlainObject } from './plain-object'

/**
 * A short stable name of a configuration (16 hex digits of the SHA-256 of its key-sorted JSON), to key
 * engine checkpoints by the rules that made them: two configurations that differ in any value get
 * different keys, the order of their keys does not matter. SHA-256 from @noble/hashes, not node:crypto,
 * so the package stays pure and the key is the same wherever it is computed; WebCrypto's digest would be
 * async for a value the replay needs at once.
 */
export function rulesKey(config: RulesConfig): string {
  return bytesToHex(sha256(utf8ToBytes(stableJson(config)))).slice(0, 16)
}

function stableJson(v: unknown): string {
  if (!isPlainObject(v)) return JSON.stringify(v)
  const keys = Object.keys(v).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`
}
