import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type LoginResponse, localTimeMs, type Observation, type Role } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { hashPassword, hashToken, loadConfig, newToken, openSqliteStore, startServer } from '@ioc/server'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import type { Page } from 'playwright-core'

export const network = loadNetwork()
export const PASSWORD = 'e2e password, long enough'

/**
 * Phú An rising over the last hour past báo động III (1.60 m) a minute ago, slowly enough not to trip
 * the rate-of-rise rule: one critical water-level alert, and the public warning it drafts.
 */
export function phuAnRising(nowMs: number): Observation[] {
  return [
    [60, 1.45],
    [40, 1.52],
    [20, 1.58],
    [1, 1.63],
  ].map(([minutesAgo = 0, value = 0]) => ({
    type: 'water',
    stationId: 'phu-an',
    observedAt: new Date(nowMs - minutesAgo * 60_000).toISOString(),
    value,
    source: 'e2e:phu-an',
  }))
}
const KING_TIDE = 'king-tide-2025-11-06'

/**
 * The real server serving the built web client (apps/web/dist, built by global-setup.ts) on an
 * ephemeral port with a fresh DATA_DIR, one user per role, a display token and an ingest key.
 */
export async function startE2eServer(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-e2e-'))
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    IOC_ADMIN_PASSWORD: PASSWORD,
    ...env,
  })
  const server = await startServer(config, network)
  // The simulator's world (tide models fitted to the reports) takes seconds on a busy machine: built now,
  // not between a login and the first feed, where an idle keep-alive socket would be reset under it.
  loadWorld()
  const store = openSqliteStore(join(dataDir, 'ioc.sqlite'))
  const users: Record<Exclude<Role, 'admin'>, string> = {
    operator: 'vanhanh',
    'duty-officer': 'truc.ban',
    analyst: 'phan.tich',
  }
  for (const [role, name] of Object.entries(users)) {
    await store.createUser({
      name,
      role: role as Role,
      passwordHash: await hashPassword(PASSWORD),
      createdAt: 0,
    })
  }
  const ingestKey = newToken('ingest-key')
  const displayToken = newToken('display')
  await store.createToken({
    kind: 'ingest-key',
    name: 'e2e-feed',
    tokenHash: hashToken(ingestKey),
    createdAt: 0,
  })
  await store.createToken({
    kind: 'display',
    name: 'wall-e2e',
    tokenHash: hashToken(displayToken),
    createdAt: 0,
  })

  const ingest = async (observations: readonly Observation[]) => {
    const res = await fetch(`${server.url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ingestKey}` },
      body: observations.map((o) => JSON.stringify(o)).join('\n'),
    })
    if (!res.ok) throw new Error(`ingest: ${res.status} ${await res.text()}`)
  }

  /**
   * Feeds the king-tide recording between two local times of 6 Nov 2025, in batches as a feed would;
   * `endingNow` re-times the window so that it ends a minute ago, as if it had just happened.
   */
  const feedKingTide = async (fromLocal: string, toLocal: string, o: { endingNow?: boolean } = {}) => {
    const { scenario } = loadScenario(KING_TIDE)
    const window = {
      fromMs: localTimeMs('2025-11-06', fromLocal),
      toMs: localTimeMs('2025-11-06', toLocal),
    }
    const shiftMs = o.endingNow ? Math.floor((Date.now() - 60_000 - window.toMs) / 60_000) * 60_000 : 0
    let batch: Observation[] = []
    for (const obs of generateObservations(scenario, loadWorld(), window)) {
      batch.push(
        shiftMs ? { ...obs, observedAt: new Date(Date.parse(obs.observedAt) + shiftMs).toISOString() } : obs,
      )
      if (batch.length === 5_000) {
        await ingest(batch)
        batch = []
      }
    }
    if (batch.length) await ingest(batch)
    return { fromMs: window.fromMs + shiftMs, toMs: window.toMs + shiftMs }
  }

  const login = async (name: string) => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password: PASSWORD }),
    })
    if (!res.ok) throw new Error(`login ${name}: ${res.status}`)
    return ((await res.json()) as LoginResponse).token
  }

  /** Signs `name` in through the login page, as an officer would. */
  const signIn = async (page: Page, name: string) => {
    await page.goto(`${server.url}/login`)
    await page.getByLabel('Tên đăng nhập').fill(name)
    await page.getByLabel('Mật khẩu').fill(PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  }

  return {
    url: server.url,
    users,
    signIn,
    displayToken,
    ingest,
    feedKingTide,
    login,
    close: async () => {
      await store.close()
      await server.close()
    },
  }
}
export type E2eServer = Awaited<ReturnType<typeof startE2eServer>>
