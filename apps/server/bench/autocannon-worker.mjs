// Runs autocannon in a child process, so the load generator does not share the server's event loop.
// (Not a worker thread: autocannon takes a worker thread for one of its own and answers nothing.)
import autocannon from 'autocannon'

const { url, connections, durationS } = JSON.parse(process.argv[2])
autocannon({ url, connections, duration: durationS, pipelining: 1 }, (err, result) => {
  if (err) throw err
  process.send({
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })
  process.disconnect()
})
