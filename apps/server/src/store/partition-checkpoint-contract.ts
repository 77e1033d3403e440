import { randomUUID } from 'node:crypto'
import { createAlertBook, stepObservations } from '@ioc/alerts'
import { partitionOf } from '@ioc/cluster'
import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { createRulesEngine, defaultRulesConfig, RulesEngineState } from '@ioc/rules'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { AlertChange, AlertStore } from './alert-store'
import {
  CURSOR_START,
  FencedOutError,
  type PartitionCheckpoint,
  type PartitionClaim,
  type PartitionTurnCommit,
} from './partition-checkpoint'
import type { StoreHarness } from './store-contract'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const network = loadNetwork()
const rules = defaultRulesConfig()
const water = (stationId: string, atMs: number, value: number): Observation => ({
  type: 'water',
  stationId,
  observedAt: new Date(atMs).toISOString(),
  value,
  source: 'sihymete',
})
/** Phú An (partition 33) and a gauge of another partition, with their báo động thresholds. */
const PHU_AN = partitionOf('station:phu-an')
const other = network.stations.find(
  (s) => s.kind !== 'street-flood-sensor' && partitionOf(`station:${s.id}`) !== PHU_AN,
)
if (!other || other.kind === 'street-flood-sensor') throw new Error('no gauge outside Phú An’s partition')
const OTHER = {
  id: other.id,
  partition: partitionOf(`station:${other.id}`),
  high: (other.alarmLevelsM.III ?? other.alarmLevelsM.II ?? other.alarmLevelsM.I) + 0.2,
}

/** Persists one partition's turn alone: its alert changes; throws its FencedOutError. */
async function persistOne(store: AlertStore, commit: PartitionTurnCommit) {
  const [outcome] = await store.persistPartitionTurns([commit])
  if (outcome instanceof FencedOutError) throw outcome
  return outcome ?? []
}

/** One partition's checkpoint for `claim`; undefined when a newer token fenced it. */
async function claimOne(store: AlertStore, claim: PartitionClaim, nowMs = T0) {
  const checkpoints = await store.claimPartitions([claim], nowMs)
  expect([...checkpoints.keys()].filter((p) => p !== claim.partition)).toEqual([])
  return checkpoints.get(claim.partition)
}

/** A partition's owner as the owner loop drives it: claim, step its readings, persist with the cursor. */
async function ownerOf(store: AlertStore, claim: PartitionClaim, nowMs = T0) {
  const checkpoint = await claimOne(store, claim, nowMs)
  if (!checkpoint) throw new Error(`partition ${claim.partition} fenced for token ${claim.token}`)
  const engine = createRulesEngine(
    network,
    rules,
    checkpoint.state ? RulesEngineState.parse(checkpoint.state) : undefined,
  )
  const book = createAlertBook(checkpoint.book)
  return {
    checkpoint,
    book,
    /** The turn of `batch` to store, not stored. */
    turnOf(batch: Observation[], cursor: string, at: number): PartitionTurnCommit {
      const turn = stepObservations(engine, book, batch, { nowMs: at, newId: randomUUID })
      return { claim, cursor, turn: { ...turn, readTimes: {} } }
    },
    async step(batch: Observation[], cursor: string, at: number) {
      const commit = this.turnOf(batch, cursor, at)
      const changes = await persistOne(store, commit)
      book.apply(commit.turn.writes)
      // The water-level alerts: a fast rise also raises a rate-of-rise warning, not what these tests are about.
      return changes
        .filter((c) => c.alert.kind === 'water-level')
        .map((c) => [c.alert.subject.id, c.transition.action, c.alert.severity])
    },
  }
}

/** The checkpoint calls every store must show, as the partition owners use them. */
export function runPartitionCheckpointContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} partition checkpoints`, () => {
    let h: StoreHarness
    beforeEach(async () => {
      h = await open()
    })
    afterEach(() => h.dispose())

    test('a partition never stepped starts at the stream’s beginning, with no state and no alerts', async () => {
      const checkpoint = await claimOne(h.store, { partition: PHU_AN, token: 1 })
      expect(checkpoint).toEqual({ cursor: CURSOR_START, state: null, book: { entries: [], silences: [] } })
    })

    test('the next owner resumes where the last left, after a restart too: the alert goes on, none is raised twice', async () => {
      const first = await ownerOf(h.store, { partition: PHU_AN, token: 10 })
      expect(await first.step([water('phu-an', T0, 1.45)], '1000-0', T0)).toEqual([
        ['phu-an', 'raised', 'minor'],
      ])
      const store = await h.reopen()
      const next = await ownerOf(store, { partition: PHU_AN, token: 11 }, T0 + MIN)
      expect(next.checkpoint.cursor).toBe('1000-0')
      expect(next.checkpoint.book.entries.map((e) => e.alert.subject.id)).toEqual(['phu-an'])
      // Redelivered from before the cursor: judged already, it changes nothing.
      expect(await next.step([water('phu-an', T0, 1.45)], '1000-0', T0 + MIN)).toEqual([])
      expect(await next.step([water('phu-an', T0 + 10 * MIN, 1.62)], '1001-0', T0 + 10 * MIN)).toEqual([
        ['phu-an', 'severity-changed', 'critical'],
      ])
      expect(await store.listAlerts({ kind: 'water-level', state: 'all' })).toHaveLength(1)
      expect((await claimOne(store, { partition: PHU_AN, token: 12 }))?.cursor).toBe('1001-0')
    })

    test('a deposed owner’s turn is refused and stores nothing', async () => {
      const deposed = await ownerOf(h.store, { partition: PHU_AN, token: 10 })
      const successor = await ownerOf(h.store, { partition: PHU_AN, token: 11 })
      await expect(deposed.step([water('phu-an', T0, 1.62)], '1000-0', T0)).rejects.toThrow(FencedOutError)
      expect(await h.store.listAlerts({ state: 'all' })).toEqual([])
      expect(await successor.step([water('phu-an', T0, 1.62)], '1000-0', T0)).toEqual([
        ['phu-an', 'raised', 'critical'],
      ])
      expect(await h.store.listAlerts({ state: 'all' })).toHaveLength(1)
    })

    test('turns of several partitions stored together: each gets its own changes and cursor; a fenced one writes nothing while the others commit', async () => {
      const phuAn = await ownerOf(h.store, { partition: PHU_AN, token: 1 })
      const elsewhere = await ownerOf(h.store, { partition: OTHER.partition, token: 1 })
      // A third partition, whose owner was deposed before its turn reached the store.
      const segment = network.segments.find(
        (s) => ![PHU_AN, OTHER.partition].includes(partitionOf(`segment:${s.id}`)),
      )
      const thirdPartition = partitionOf(`segment:${segment?.id}`)
      await claimOne(h.store, { partition: thirdPartition, token: 1 })
      await claimOne(h.store, { partition: thirdPartition, token: 2 })
      const meta = { version: 1, networkVersion: network.version, silenceBaselineMs: null }
      const outcomes = await h.store.persistPartitionTurns([
        elsewhere.turnOf([water(OTHER.id, T0, OTHER.high)], '7-0', T0),
        {
          claim: { partition: thirdPartition, token: 1 },
          cursor: '9-0',
          turn: { writes: [], state: { meta, stations: {}, segments: {} }, readTimes: {} },
        },
        phuAn.turnOf([water('phu-an', T0, 1.62)], '5-0', T0),
      ])
      const subjects = (o: unknown) =>
        o instanceof FencedOutError
          ? o
          : (o as AlertChange[]).filter((c) => c.alert.kind === 'water-level').map((c) => c.alert.subject.id)
      expect(subjects(outcomes[0])).toEqual([OTHER.id])
      expect(outcomes[1]).toBeInstanceOf(FencedOutError)
      expect(subjects(outcomes[2])).toEqual(['phu-an'])
      const again = await h.store.claimPartitions(
        [PHU_AN, OTHER.partition, thirdPartition].map((partition) => ({ partition, token: 3 })),
        T0,
      )
      expect([PHU_AN, OTHER.partition, thirdPartition].map((p) => again.get(p)?.cursor)).toEqual([
        '5-0',
        '7-0',
        CURSOR_START,
      ])
      expect(again.get(thirdPartition)?.state).toBeNull()
    })

    test('a claim with a token older than the partition’s latest is fenced, the others of the call taken; the same token claims again', async () => {
      await claimOne(h.store, { partition: PHU_AN, token: 11 })
      const both = await h.store.claimPartitions(
        [
          { partition: PHU_AN, token: 10 },
          { partition: OTHER.partition, token: 10 },
        ],
        T0,
      )
      expect([...both.keys()]).toEqual([OTHER.partition])
      // An owner whose lease was renewed after a Redis hiccup keeps its token, and its checkpoint.
      expect((await claimOne(h.store, { partition: PHU_AN, token: 11 }))?.cursor).toBe(CURSOR_START)
    })

    test('a segment’s read time moves with every turn; its state row, written once, keeps its congestion', async () => {
      const segment = network.segments[0]?.id as string
      const claim = { partition: partitionOf(`segment:${segment}`), token: 1 }
      await claimOne(h.store, claim)
      const meta = { version: 1, networkVersion: network.version, silenceBaselineMs: null }
      const jam = { level: 1, enterSinceMs: [T0], leaveSinceMs: [null], open: null }
      const doc = { lastAtMs: T0, lastSources: ['tomtom'], congestion: jam }
      await persistOne(h.store, {
        claim,
        cursor: '1-0',
        turn: {
          writes: [],
          state: { meta, stations: {}, segments: { [segment]: doc } },
          readTimes: { [segment]: { lastAtMs: T0, lastSources: ['tomtom'] } },
        },
      })
      // Two later readings that changed nothing but the read time: no state row, only the read time.
      for (const [cursor, at] of [
        ['2-0', T0 + MIN],
        ['3-0', T0 + 2 * MIN],
      ] as const) {
        await persistOne(h.store, {
          claim,
          cursor,
          turn: {
            writes: [],
            state: { meta, stations: {}, segments: {} },
            readTimes: { [segment]: { lastAtMs: at, lastSources: ['here'] } },
          },
        })
      }
      const next = await claimOne(h.store, { ...claim, token: 2 })
      expect((next?.state as RulesEngineState | undefined)?.segments[segment]).toEqual({
        lastAtMs: T0 + 2 * MIN,
        lastSources: ['here'],
        congestion: jam,
      })
    })

    test('each partition’s owner gets its own subjects’ alerts, silences, state and cursor', async () => {
      const phuAn = await ownerOf(h.store, { partition: PHU_AN, token: 1 })
      const elsewhere = await ownerOf(h.store, { partition: OTHER.partition, token: 1 })
      await phuAn.step([water('phu-an', T0, 1.62)], '5-0', T0)
      await elsewhere.step([water(OTHER.id, T0, OTHER.high)], '7-0', T0)
      await h.store.createSilence(
        { subject: { type: 'station', id: OTHER.id }, reason: 'gauge maintenance', until: T0 + 60 * MIN },
        'duty-officer',
        T0,
      )
      // Both in one call, as a takeover claims them: each gets its own.
      const claimed = await h.store.claimPartitions(
        [
          { partition: OTHER.partition, token: 2 },
          { partition: PHU_AN, token: 2 },
        ],
        T0,
      )
      const again = claimed.get(PHU_AN) as PartitionCheckpoint
      const otherAgain = claimed.get(OTHER.partition) as PartitionCheckpoint
      expect([again.cursor, otherAgain.cursor]).toEqual(['5-0', '7-0'])
      expect(again.book.entries.map((e) => e.alert.subject.id)).toEqual(['phu-an'])
      expect(again.book.silences).toEqual([])
      expect(otherAgain.book.entries.map((e) => e.alert.subject.id)).toEqual([OTHER.id])
      expect(otherAgain.book.silences.map((s) => s.subject.id)).toEqual([OTHER.id])
      expect(Object.keys((again.state as RulesEngineState).stations)).toEqual(['phu-an'])
      expect(Object.keys((otherAgain.state as RulesEngineState).stations)).toEqual([OTHER.id])
    })
  })
}
