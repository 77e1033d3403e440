import { PARTITION_COUNT } from '@ioc/cluster'
import { groupCommits } from '../alerts/group-commits'
import type { AlertChange, AlertStore } from '../store/alert-store'
import { FencedOutError, type PartitionTurnCommit } from '../store/partition-checkpoint'

/**
 * Stores an owner's partition turns in groups (group-commits.ts): the turns its partitions reach in
 * one round (judged side by side) and those that come while a group is being stored go in one
 * transaction, so a round over 32 partitions is one commit, not 32. Each caller gets its own turn's
 * changes, or its FencedOutError. A group that fails is stored again one turn at a time, so a turn
 * the store refuses fails alone and the others' partitions go on.
 */
export function groupTurnCommits(
  store: Pick<AlertStore, 'persistPartitionTurns'>,
): (commit: PartitionTurnCommit) => Promise<AlertChange[]> {
  let queue: Promise<void> = Promise.resolve()
  const grouped = groupCommits({
    schedule: (job) => {
      queue = queue.then(job)
    },
    commit: (commits: PartitionTurnCommit[]) => store.persistPartitionTurns(commits),
    size: () => 1,
    // A partition has one turn in flight at a time: a group is at most a round.
    maxSize: PARTITION_COUNT,
  })
  return async (commit) => {
    const outcome = await grouped(commit)
    if (outcome instanceof FencedOutError) throw outcome
    return outcome
  }
}
