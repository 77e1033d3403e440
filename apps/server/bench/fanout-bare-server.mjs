// The limit the cluster fan-out is measured against: a bare Socket.IO server in a process of its own,
// set up as an IOC instance's (Redis streams adapter, connection-state recovery) and doing nothing
// else. One of them, told to emit, sends delta-shaped messages on a fixed tick through the adapter to
// every server's clients, as the IOC leader does. Plain JS: started with node, no TypeScript loader.
import { createServer } from 'node:http'
import { createAdapter } from '@socket.io/redis-streams-adapter'
import { createClient } from 'redis'
import { Server } from 'socket.io'

const { REDIS_URL, REDIS_PREFIX } = process.env
/** Wall-clock ms with sub-ms precision, comparable with the bench's and its client threads'. */
const now = () => performance.timeOrigin + performance.now()

const redis = createClient({ url: REDIS_URL })
await redis.connect()
const http = createServer()
const io = new Server(http, {
  adapter: createAdapter(redis, {
    streamName: `${REDIS_PREFIX}:socket.io`,
    channelPrefix: `${REDIS_PREFIX}:socket.io`,
    sessionKeyPrefix: `${REDIS_PREFIX}:sio:session:`,
    maxLen: 10_000,
    onlyPlaintext: true,
  }),
  serveClient: false,
  connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: false },
})
io.on('connection', (s) => s.join('live'))
await new Promise((r) => http.listen(0, '127.0.0.1', r))
process.send({ type: 'listening', url: `http://127.0.0.1:${http.address().port}` })

/**
 * Every `everyMs` a batch of `perBatch` readings is ready; every `tickMs` the pending one goes out as
 * one delta whose segment 0 carries the batch number, as the IOC delta's marker does in the bench.
 */
function emit({ batches, warmup, perBatch, everyMs, tickMs, networkVersion }) {
  const readyAt = []
  const idx = Array.from({ length: perBatch }, (_, i) => i)
  let pending
  let k = 0
  let seq = 0
  const tick = setInterval(() => {
    if (pending === undefined) return
    const marker = pending
    pending = undefined
    const at = Date.now()
    io.to('live').emit('state:delta', {
      networkVersion,
      seq: ++seq,
      clock: at,
      traffic: {
        segmentIdx: idx,
        speedKph: idx.map((i) => (i === 0 ? marker : i % 80)),
        observedAt: idx.map(() => at),
      },
      water: { stationIdx: [], value: [], observedAt: [] },
    })
  }, tickMs)
  // Every batch is produced, however late a loaded machine fires the timers; the last goes out on the
  // tick after it, and the clients get three more ticks before the bench is told it is done.
  const produce = setInterval(() => {
    if (k >= warmup) readyAt.push([k, now()])
    pending = k++
    if (k < batches) return
    clearInterval(produce)
    setTimeout(() => {
      clearInterval(tick)
      process.send({ type: 'done', readyAt })
    }, 4 * tickMs)
  }, everyMs)
}

process.on('message', (m) => {
  if (m.type === 'emit') emit(m)
  if (m.type === 'close') io.close(() => redis.close().finally(() => process.exit(0)))
})
