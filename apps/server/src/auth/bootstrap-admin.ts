import type { Store } from '../store/store'
import { hashPassword, randomPassword } from './password'

/**
 * On first start (no users at all) creates `admin`, with the given password or a random one.
 * Returns whether it did, and the random password so the caller can show it once.
 */
export async function bootstrapAdmin(
  store: Store,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if ((await store.countUsers()) > 0) return { created: false, generatedPassword: null }
  const chosen = password ?? randomPassword()
  await store.createUser({
    name: 'admin',
    role: 'admin',
    passwordHash: await hashPassword(chosen),
    createdAt: Date.now(),
  })
  return { created: true, generatedPassword: password === undefined ? chosen : null }
}
