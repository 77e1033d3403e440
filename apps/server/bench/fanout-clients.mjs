// Socket.IO clients on their own thread, so decoding 100 copies of every delta does not steal the
// server's event loop as it would if they ran beside it. Plain JS: a worker has no TypeScript loader.
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'
import { io } from 'socket.io-client'

const { url, auth, clients, markerOnly } = workerData
/** Wall-clock ms with sub-ms precision, comparable across threads (performance.now() is per thread). */
const now = () => performance.timeOrigin + performance.now()

/**
 * With `markerOnly`, each delta is read for its number and marker only, by string search (5 µs)
 * instead of JSON.parse (0.17–0.23 ms for a 1,000-subject delta): 1,000 clients at 10 deltas/s would
 * otherwise spend nearly two cores of the machine the servers run on decoding what browsers decode on
 * theirs. Every other packet goes through Socket.IO's own parser.
 */
const DELTA = '2["state:delta",'
const parser = createRequire(import.meta.resolve('socket.io-client'))('socket.io-parser')
class MarkerDecoder extends parser.Decoder {
  add(packet) {
    if (typeof packet !== 'string' || !packet.startsWith(DELTA)) return super.add(packet)
    this.emitReserved('decoded', {
      type: parser.PacketType.EVENT,
      nsp: '/',
      data: ['state:delta', markerOf(packet)],
    })
  }
}
/** Where the items of the array `"key":[…]` after `from` start. */
const itemsAt = (s, key, from) => s.indexOf(`"${key}":[`, from) + key.length + 4
/**
 * The parts of a delta the clients look at, in its shape: its number and segment 0's speed. A delta
 * lists its subjects in ascending index (packages/replay latest-state.ts), so segment 0 comes first.
 */
function markerOf(s) {
  const seq = Number.parseInt(s.slice(s.indexOf('"seq":') + 6), 10)
  const traffic = s.indexOf('"traffic":{')
  const first = itemsAt(s, 'segmentIdx', traffic)
  if (!/^0[,\]]/.test(s.slice(first, first + 2))) return { seq, traffic: { segmentIdx: [], speedKph: [] } }
  const speedAt = itemsAt(s, 'speedKph', traffic)
  const speed = Number.parseFloat(s.slice(speedAt, speedAt + 24))
  return { seq, traffic: { segmentIdx: [0], speedKph: [speed] } }
}
const options = markerOnly ? { parser: { ...parser, Decoder: MarkerDecoder } } : {}

const received = []
/** Per client: deltas received, and breaks in their numbering (a delta that never arrived). */
const counts = []
const sockets = await Promise.all(
  Array.from(
    { length: clients },
    () =>
      new Promise((resolve, reject) => {
        const s = io(url, { transports: ['websocket'], auth, reconnection: false, ...options })
        const got = []
        const count = { deltas: 0, gaps: 0 }
        received.push(got)
        counts.push(count)
        let lastSeq
        s.on('state:delta', (d) => {
          count.deltas++
          if (lastSeq !== undefined && d.seq !== lastSeq + 1) count.gaps++
          lastSeq = d.seq
          // The marker: segment 0's speed is the batch number.
          const k = d.traffic.segmentIdx.indexOf(0)
          if (k >= 0) got.push({ k: d.traffic.speedKph[k], at: now() })
        })
        s.once('connect', () => resolve(s))
        s.once('connect_error', reject)
      }),
  ),
)
parentPort.postMessage({ type: 'ready' })
parentPort.once('message', () => {
  for (const s of sockets) s.disconnect()
  parentPort.postMessage({ type: 'done', received, counts })
})
