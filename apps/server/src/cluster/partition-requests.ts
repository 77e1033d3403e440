import { randomUUID } from 'node:crypto'
import { type PartitionReply, PartitionRequest } from './partition-request'
import { type StreamRedis, sendPartitionRequest } from './partition-streams'

/** A request as the asker writes it: the reply address and id are filled in. */
type WithoutAddress<T> = T extends unknown ? Omit<T, 'request' | 'replyTo'> : never
export type RequestBody = WithoutAddress<PartitionRequest>

export interface PartitionRequests {
  /** Asks the owner of `partition` and resolves with its answer, once the request's turn committed. */
  ask(partition: number, body: RequestBody): Promise<PartitionReply['result']>
  close(): Promise<void>
}

/**
 * Asking partition owners, whichever instance they are: the request goes on the partition's stream,
 * the answer comes back on this instance's reply channel (`subscriber` is a connection of its own, in
 * subscriber mode). Rejects after `timeoutMs` without an answer (no owner took the partition).
 */
export async function partitionRequests(options: {
  redis: StreamRedis
  subscriber: StreamRedis
  prefix: string
  instanceId: string
  timeoutMs: number
}): Promise<PartitionRequests> {
  const { redis, subscriber, prefix, timeoutMs } = options
  const replyTo = `${prefix}:partition:reply:${options.instanceId}`
  const waiting = new Map<string, (result: PartitionReply['result']) => void>()
  await subscriber.subscribe(replyTo, (message) => {
    const answer = JSON.parse(message) as PartitionReply
    // A second answer to one request (an owner that took over answered it again) finds nobody waiting.
    waiting.get(answer.request)?.(answer.result)
    waiting.delete(answer.request)
  })
  return {
    async ask(partition, body) {
      const request = PartitionRequest.parse({ ...body, request: randomUUID(), replyTo })
      const answered = new Promise<PartitionReply['result']>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(request.request)
          reject(new Error(`partition ${partition}: no answer from its owner within ${timeoutMs} ms`))
        }, timeoutMs)
        waiting.set(request.request, (result) => {
          clearTimeout(timer)
          resolve(result)
        })
      })
      await sendPartitionRequest(redis, prefix, partition, request)
      return answered
    },
    async close() {
      await subscriber.unsubscribe(replyTo)
    },
  }
}
