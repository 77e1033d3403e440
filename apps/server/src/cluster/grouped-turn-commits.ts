import type { AlertChange, AlertStore } from '../store/alert-store'
import { FencedOutError, type PartitionTurnCommit } from '../store/partition-checkpoint'

interface Waiting {
  commit: PartitionTurnCommit
  resolve(changes: AlertChange[]): void
  reject(err: unknown): void
}

/**
 * Stores an owner's partition turns in groups: the turns its partitions reach in one tick (a round
 * judges them side by side) and those that come while a group is being stored go in one transaction,
 * so a round over 32 partitions is one commit, not 32, and a lone turn is not held back. Each caller
 * gets its own turn's changes, or its FencedOutError. A group that fails is stored again one turn at a
 * time, so a turn the store refuses fails alone and the others' partitions go on.
 */
export function groupTurnCommits(
  store: Pick<AlertStore, 'persistPartitionTurns'>,
): (commit: PartitionTurnCommit) => Promise<AlertChange[]> {
  let waiting: Waiting[] = []
  let draining = false

  const settle = (group: readonly Waiting[], outcomes: readonly (AlertChange[] | FencedOutError)[]) => {
    group.forEach((w, i) => {
      const outcome = outcomes[i]
      if (outcome instanceof FencedOutError) w.reject(outcome)
      else if (outcome) w.resolve(outcome)
      else w.reject(new Error(`the store answered ${outcomes.length} turns of ${group.length}`))
    })
  }

  async function drain(): Promise<void> {
    while (waiting.length) {
      const group = waiting
      waiting = []
      try {
        settle(group, await store.persistPartitionTurns(group.map((w) => w.commit)))
      } catch (err) {
        if (group.length === 1) group[0]?.reject(err)
        else
          for (const w of group)
            await store.persistPartitionTurns([w.commit]).then(
              (outcomes) => settle([w], outcomes),
              (e: unknown) => w.reject(e),
            )
      }
    }
    draining = false
  }

  return (commit) =>
    new Promise((resolve, reject) => {
      waiting.push({ commit, resolve, reject })
      if (draining) return
      draining = true
      // After the tick: the other partitions of the round reach their turns synchronously in it.
      queueMicrotask(() => void drain())
    })
}
