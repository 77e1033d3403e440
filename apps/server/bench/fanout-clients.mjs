// Socket.IO clients on their own thread, so decoding 100 copies of every delta does not steal the
// server's event loop as it would if they ran beside it. Plain JS: a worker has no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import { io } from 'socket.io-client'

const { url, auth, clients } = workerData
/** Wall-clock ms with sub-ms precision, comparable across threads (performance.now() is per thread). */
const now = () => performance.timeOrigin + performance.now()

const received = []
const sockets = await Promise.all(
  Array.from(
    { length: clients },
    () =>
      new Promise((resolve, reject) => {
        const s = io(url, { transports: ['websocket'], auth, reconnection: false })
        const got = []
        received.push(got)
        s.on('state:delta', (d) => {
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
  parentPort.postMessage({ type: 'done', received })
})
