import { createServer, type Socket, connect as tcpConnect } from 'node:net'

/**
 * A TCP balancer in front of a deployment's instances, as a city runs one (no stickiness: the
 * clients behind it connect websocket-only). Each new connection goes to the first backend of
 * `backends()` that accepts it; a connection whose backend dies is closed, so its client reconnects
 * through the same address and lands on the next live one. `backends` is read per connection, so
 * an instance restarted on a new port joins at once.
 */
export async function startBalancer(backends: () => readonly string[]) {
  const open = new Set<Socket>()
  /** The backend each connection went to, in order. */
  const connections: string[] = []
  const track = (s: Socket) => {
    open.add(s)
    s.on('close', () => open.delete(s))
  }
  const server = createServer({ pauseOnConnect: true }, (client) => {
    track(client)
    client.on('error', () => client.destroy())
    const tryFrom = (i: number) => {
      const target = backends()[i]
      if (target === undefined || client.destroyed) return client.destroy()
      const { hostname, port } = new URL(target)
      const upstream = tcpConnect({ host: hostname, port: Number(port) })
      track(upstream)
      let connected = false
      upstream.on('error', () => {
        if (!connected) return tryFrom(i + 1)
        upstream.destroy()
      })
      upstream.once('connect', () => {
        connected = true
        connections.push(target)
        upstream.on('close', () => client.destroy())
        client.on('close', () => upstream.destroy())
        client.pipe(upstream)
        upstream.pipe(client)
      })
    }
    tryFrom(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the balancer has no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections: () => [...connections],
    async close() {
      for (const s of open) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
