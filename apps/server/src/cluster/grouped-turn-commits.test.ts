import { expect, test } from 'vitest'
import type { AlertChange } from '../store/alert-store'
import { FencedOutError, type PartitionTurnCommit } from '../store/partition-checkpoint'
import { groupTurnCommits } from './grouped-turn-commits'

const turn = (partition: number, token = 1): PartitionTurnCommit => ({
  claim: { partition, token },
  cursor: `${partition}-0`,
  turn: { writes: [], state: null, readTimes: {} },
})

/**
 * A store that answers each turn with one change naming its partition, fences token 0, refuses the
 * partitions in `refused`, and records the partitions of each call.
 */
function recordingStore(refused: ReadonlySet<number> = new Set()) {
  const calls: number[][] = []
  return {
    calls,
    async persistPartitionTurns(commits: readonly PartitionTurnCommit[]) {
      calls.push(commits.map((c) => c.claim.partition))
      await new Promise((r) => setTimeout(r, 5))
      if (commits.some((c) => refused.has(c.claim.partition))) throw new Error('value too long for type')
      return commits.map((c) =>
        c.claim.token === 0
          ? new FencedOutError(c.claim, 1)
          : [{ alert: { id: `alert-${c.claim.partition}` } } as unknown as AlertChange],
      )
    },
  }
}

test('the turns a round reaches in one tick are stored in one call, and each caller gets its own changes', async () => {
  const store = recordingStore()
  const persist = groupTurnCommits(store)
  const changes = await Promise.all([3, 7, 40].map((p) => persist(turn(p))))
  expect(store.calls).toEqual([[3, 7, 40]])
  expect(changes.map((c) => c[0]?.alert.id)).toEqual(['alert-3', 'alert-7', 'alert-40'])
})

test('turns that come while a group is stored go together in the next call', async () => {
  const store = recordingStore()
  const persist = groupTurnCommits(store)
  const first = persist(turn(1))
  await new Promise((r) => setTimeout(r, 1))
  await Promise.all([first, persist(turn(2)), persist(turn(5))])
  expect(store.calls).toEqual([[1], [2, 5]])
})

test('a fenced turn is refused with its FencedOutError; the others of its group are stored', async () => {
  const persist = groupTurnCommits(recordingStore())
  const [ok, fenced] = await Promise.allSettled([persist(turn(3)), persist(turn(9, 0))])
  expect(ok.status).toBe('fulfilled')
  expect(fenced).toMatchObject({ status: 'rejected', reason: expect.any(FencedOutError) })
})

test('a group the store refuses is stored again turn by turn: only the refused turn fails', async () => {
  const store = recordingStore(new Set([7]))
  const persist = groupTurnCommits(store)
  const outcomes = await Promise.allSettled([3, 7, 40].map((p) => persist(turn(p))))
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  expect(outcomes[1]).toMatchObject({ reason: { message: 'value too long for type' } })
  expect(store.calls).toEqual([[3, 7, 40], [3], [7], [40]])
})
