import { partitionOfObservation } from '@ioc/cluster'
import type { Observation } from '@ioc/domain'
import type { createClient } from 'redis'
import { PartitionRequest } from './partition-request'
import { partitionKeys } from './partition-scripts'

export type StreamRedis = ReturnType<typeof createClient>

/**
 * One entry of a partition's stream: the readings of one stored batch that fall into the partition,
 * or a request to its owner.
 */
export type PartitionEntry = {
  /** The stream's entry id (`<ms>-<seq>`): the owner's cursor once the entry's turn committed. */
  id: string
} & (
  | { observations: Observation[]; request?: undefined; unreadable?: undefined }
  | { request: PartitionRequest; observations?: undefined; unreadable?: undefined }
  /** An entry that does not parse: what it holds as text, and why it was refused. */
  | { unreadable: { text: string; reason: string }; observations?: undefined; request?: undefined }
)

/**
 * Hands a stored batch to the partitions' owners: one XADD per partition the batch touches, sent
 * together (node-redis pipelines the commands of one tick), resolved once Redis has every entry.
 */
export async function handOffObservations(
  redis: StreamRedis,
  prefix: string,
  observations: readonly Observation[],
): Promise<void> {
  const keys = partitionKeys(prefix)
  const byPartition = new Map<number, Observation[]>()
  for (const o of observations) {
    const p = partitionOfObservation(o)
    const list = byPartition.get(p)
    if (list) list.push(o)
    else byPartition.set(p, [o])
  }
  await Promise.all(
    [...byPartition].map(([p, batch]) => redis.xAdd(keys.stream(p), '*', { obs: JSON.stringify(batch) })),
  )
}

/**
 * Reads the entries after each partition's cursor, waiting up to `blockMs` for one to arrive (on a
 * connection of its own: XREAD BLOCK holds it). At most `count` entries per partition.
 */
export async function readPartitionStreams(
  redis: StreamRedis,
  prefix: string,
  cursors: ReadonlyMap<number, string>,
  options: { blockMs: number; count: number },
): Promise<Map<number, PartitionEntry[]>> {
  const keys = partitionKeys(prefix)
  const byKey = new Map([...cursors.keys()].map((p) => [keys.stream(p), p]))
  const reply = (await redis.xRead(
    [...cursors].map(([p, id]) => ({ key: keys.stream(p), id })),
    { BLOCK: options.blockMs, COUNT: options.count },
  )) as { name: string; messages: { id: string; message: Record<string, string> }[] }[] | null
  const read = new Map<number, PartitionEntry[]>()
  for (const stream of reply ?? []) {
    const p = byKey.get(stream.name)
    if (p === undefined) continue
    read.set(
      p,
      stream.messages.map((m): PartitionEntry => {
        const text = m.message.req ?? m.message.obs ?? JSON.stringify(m.message)
        try {
          if (m.message.req !== undefined)
            return { id: m.id, request: PartitionRequest.parse(JSON.parse(m.message.req)) }
          // Written by an instance after validating and storing the batch: not validated again.
          return { id: m.id, observations: JSON.parse(m.message.obs ?? '[]') }
        } catch (err) {
          // One entry that does not parse must not hold up the others, nor its partition's next ones.
          return { id: m.id, unreadable: { text, reason: (err as Error).message } }
        }
      }),
    )
  }
  return read
}

/** Puts a request on a partition's stream, after the readings handed to it so far. */
export async function sendPartitionRequest(
  redis: StreamRedis,
  prefix: string,
  partition: number,
  request: PartitionRequest,
): Promise<void> {
  await redis.xAdd(partitionKeys(prefix).stream(partition), '*', { req: JSON.stringify(request) })
}

/** Drops a partition's entries before `cursor` (its committed checkpoint), so the stream stays bounded. */
export async function trimPartitionStream(
  redis: StreamRedis,
  prefix: string,
  partition: number,
  cursor: string,
) {
  await redis.xTrim(partitionKeys(prefix).stream(partition), 'MINID', cursor)
}
