import type { Observation, TrafficObservation } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Store } from './store'

export interface StoreHarness {
  store: Store
  /** Closes the store and opens the same database again. */
  reopen(): Promise<Store>
  /** Closes the store and removes its data. */
  dispose(): Promise<void>
}

const T0 = Date.parse('2025-10-07T18:00:00+07:00')
const iso = (ms: number) => new Date(ms).toISOString()
const MIN = 60_000

function traffic(segmentId: string, atMs: number, speedKph: number, source = 'tomtom'): TrafficObservation {
  return { type: 'traffic', segmentId, observedAt: iso(atMs), speedKph, source }
}
function water(stationId: string, atMs: number, value: number, source = 'sihymete'): Observation {
  return { type: 'water', stationId, observedAt: iso(atMs), value, source }
}

async function collect(it: AsyncIterable<Observation[]>): Promise<Observation[][]> {
  const pages: Observation[][] = []
  for await (const page of it) pages.push(page)
  return pages
}

/**
 * The behaviour every Store implementation must show (tldraw's storageContractSuite pattern):
 * call it from each implementation's test file with a factory for a fresh, empty store.
 */
export function runStoreContract(name: string, create: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    let h: StoreHarness
    let store: Store
    beforeEach(async () => {
      h = await create()
      store = h.store
    })
    afterEach(async () => {
      await h.dispose()
    })

    describe('observations', () => {
      test('a batch is stored once; a retry counts every item as a duplicate', async () => {
        const batch = [traffic('seg-1', T0, 42.5), water('phu-an', T0, 1.32), traffic('seg-2', T0, 18)]
        const first = await store.insertObservations(batch)
        expect(first).toMatchObject({ accepted: 3, duplicates: 0 })
        expect(first.stored).toEqual(batch)
        const retry = await store.insertObservations(batch)
        expect(retry).toEqual({ accepted: 0, duplicates: 3, stored: [] })
        expect(await store.countObservations()).toBe(3)
      })

      test('a batch that overlaps what is stored keeps its new items, in order, and counts the rest', async () => {
        const stored = [traffic('seg-1', T0, 42.5), water('phu-an', T0, 1.32)]
        await store.insertObservations(stored)
        const fresh = [traffic('seg-3', T0, 12), water('phu-an', T0 + MIN, 1.35)]
        const r = await store.insertObservations([fresh[0], ...stored, fresh[1]] as Observation[])
        expect(r).toEqual({ accepted: 2, duplicates: 2, stored: fresh })
        expect(await store.countObservations()).toBe(4)
      })

      test('the same subject and time from another source is a separate observation', async () => {
        const r = await store.insertObservations([
          water('phu-an', T0, 1.32, 'sihymete'),
          water('phu-an', T0, 1.33, 'volunteer'),
        ])
        expect(r.accepted).toBe(2)
      })

      test('a batch that repeats an item stores it once', async () => {
        const o = traffic('seg-1', T0, 30)
        const r = await store.insertObservations([o, o])
        expect(r).toEqual({ accepted: 1, duplicates: 1, stored: [o] })
      })

      test('optional traffic fields survive the round trip', async () => {
        const o: Observation = { ...traffic('seg-1', T0, 30), flowVph: 1200, occupancyPct: 35 }
        await store.insertObservations([o])
        expect(await store.latestObservations()).toEqual([o])
      })

      test('stored observations survive a reopen', async () => {
        await store.insertObservations([traffic('seg-1', T0, 30), water('nha-be', T0, 1.1)])
        store = await h.reopen()
        expect(await store.countObservations()).toBe(2)
      })

      test('latest per subject, now and as of a past time', async () => {
        await store.insertObservations([
          traffic('seg-1', T0, 50),
          traffic('seg-1', T0 + 5 * MIN, 20),
          traffic('seg-2', T0 + MIN, 35),
          water('phu-an', T0, 1.2),
          water('phu-an', T0 + 10 * MIN, 1.4),
        ])
        expect(await store.latestObservations()).toEqual([
          traffic('seg-1', T0 + 5 * MIN, 20),
          traffic('seg-2', T0 + MIN, 35),
          water('phu-an', T0 + 10 * MIN, 1.4),
        ])
        expect(await store.latestObservations(T0 + 2 * MIN)).toEqual([
          traffic('seg-1', T0, 50),
          traffic('seg-2', T0 + MIN, 35),
          water('phu-an', T0, 1.2),
        ])
        expect(await store.latestObservations(T0 - 1)).toEqual([])
      })

      test('history of a subject: raw readings for a short range', async () => {
        await store.insertObservations([
          water('phu-an', T0, 1.2),
          water('phu-an', T0 + MIN, 1.25),
          water('phu-an', T0 + 2 * MIN, 1.3),
          water('nha-be', T0, 0.9),
        ])
        const h1 = await store.history({
          type: 'water',
          subjectId: 'phu-an',
          fromMs: T0,
          toMs: T0 + 2 * MIN,
          maxPoints: 100,
        })
        expect(h1).toEqual({
          bucketMs: null,
          points: [
            { observedAt: T0, value: 1.2, min: 1.2, max: 1.2, count: 1 },
            { observedAt: T0 + MIN, value: 1.25, min: 1.25, max: 1.25, count: 1 },
          ],
        })
      })

      test('history of a long range is averaged into at most maxPoints buckets', async () => {
        // 60 readings a minute apart, speeds 0..59.
        await store.insertObservations(
          Array.from({ length: 60 }, (_, i) => traffic('seg-9', T0 + i * MIN, i)),
        )
        const h1 = await store.history({
          type: 'traffic',
          subjectId: 'seg-9',
          fromMs: T0,
          toMs: T0 + 60 * MIN,
          maxPoints: 6,
        })
        expect(h1.bucketMs).toBe(10 * MIN)
        expect(h1.points).toHaveLength(6)
        expect(h1.points[0]).toEqual({ observedAt: T0, value: 4.5, min: 0, max: 9, count: 10 })
        expect(h1.points[5]).toEqual({ observedAt: T0 + 50 * MIN, value: 54.5, min: 50, max: 59, count: 10 })
      })

      test('a time range comes back in time order, in bounded pages, end exclusive', async () => {
        const batch: Observation[] = []
        // 7 subjects reporting at the same instant stress paging across equal times.
        for (let m = 0; m < 5; m++) {
          for (let s = 0; s < 4; s++) batch.push(traffic(`seg-${s}`, T0 + m * MIN, 20 + s))
          for (let s = 0; s < 3; s++) batch.push(water(`st-${s}`, T0 + m * MIN, s))
        }
        // A reading one millisecond before the range stays out of it.
        batch.push(traffic('seg-0', T0 + MIN - 1, 1))
        await store.insertObservations(batch.toReversed())
        const pages = await collect(store.observationsInRange(T0 + MIN, T0 + 4 * MIN, 5))
        const all = pages.flat()
        expect(pages.every((p) => p.length <= 5)).toBe(true)
        expect(all).toHaveLength(3 * 7)
        const times = all.map((o) => Date.parse(o.observedAt))
        expect(times).toEqual(times.toSorted((a, b) => a - b))
        expect(times[0]).toBe(T0 + MIN)
        expect(times.at(-1)).toBe(T0 + 3 * MIN)
        expect(new Set(all.map((o) => JSON.stringify(o))).size).toBe(all.length)
      })

      test('an empty range yields no pages', async () => {
        expect(await collect(store.observationsInRange(T0, T0 + MIN))).toEqual([])
      })
    })

    describe('users and sessions', () => {
      const admin = { name: 'admin', role: 'admin' as const, passwordHash: 'scrypt$x', createdAt: T0 }

      test('a user name is taken once', async () => {
        expect(await store.countUsers()).toBe(0)
        expect(await store.createUser(admin)).toBe(true)
        expect(await store.createUser({ ...admin, role: 'operator' })).toBe(false)
        expect(await store.findUser('admin')).toEqual(admin)
        expect(await store.findUser('nobody')).toBeNull()
        expect(await store.countUsers()).toBe(1)
      })

      test('a session is found until it expires or is deleted', async () => {
        await store.createUser(admin)
        const session = { tokenHash: 'h1', userName: 'admin', createdAt: T0, expiresAt: T0 + 60 * MIN }
        await store.createSession(session)
        expect(await store.findSession('h1', T0 + MIN)).toEqual({ session, user: admin })
        expect(await store.findSession('h1', T0 + 60 * MIN)).toBeNull()
        expect(await store.findSession('h2', T0)).toBeNull()
        await store.deleteSession('h1')
        expect(await store.findSession('h1', T0 + MIN)).toBeNull()
      })
    })

    describe('ingest keys and display tokens', () => {
      test('one active token per kind and name; a revoked one is no longer found', async () => {
        const key = { kind: 'ingest-key' as const, name: 'tomtom', tokenHash: 'k1', createdAt: T0 }
        expect(await store.createToken(key)).toBe(true)
        expect(await store.createToken({ ...key, tokenHash: 'k2' })).toBe(false)
        expect(await store.createToken({ ...key, kind: 'display', tokenHash: 'd1' })).toBe(true)
        expect(await store.findToken('k1')).toEqual(key)
        expect(await store.revokeToken('ingest-key', 'tomtom', T0 + MIN)).toBe(true)
        expect(await store.revokeToken('ingest-key', 'tomtom', T0 + MIN)).toBe(false)
        expect(await store.findToken('k1')).toBeNull()
        expect(await store.findToken('d1')).not.toBeNull()
        expect(await store.createToken({ ...key, tokenHash: 'k3' })).toBe(true)
      })
    })

    describe('audit log', () => {
      test('entries come back newest first, in pages', async () => {
        for (let i = 0; i < 5; i++) {
          await store.appendAudit({
            at: T0 + i,
            actor: `user-${i}`,
            action: 'login-failed',
            target: null,
            origin: '127.0.0.1',
            reason: 'wrong password',
          })
        }
        const first = await store.listAudit({ limit: 3 })
        expect(first.map((e) => e.actor)).toEqual(['user-4', 'user-3', 'user-2'])
        const rest = await store.listAudit({ limit: 3, beforeId: first.at(-1)?.id })
        expect(rest.map((e) => e.actor)).toEqual(['user-1', 'user-0'])
        expect(rest[0]).toMatchObject({
          action: 'login-failed',
          origin: '127.0.0.1',
          reason: 'wrong password',
        })
      })
    })

    test('ping answers while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined()
    })
  })
}
