import { hashToken, tokenTypeOf } from '../auth/tokens'
import type { Store } from '../store/store'

/** Resolves a partner app's Open311 `api_key` to its name; any other token, unknown or revoked, to null. */
export function open311PartnerOf(store: Store): (apiKey: string) => Promise<string | null> {
  return async (apiKey) => {
    if (tokenTypeOf(apiKey) !== 'open311-key') return null
    const found = await store.findToken(hashToken(apiKey))
    return found?.kind === 'open311-key' ? found.name : null
  }
}
