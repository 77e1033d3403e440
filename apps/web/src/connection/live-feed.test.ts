// @vitest-environment node
import { type Alert, emptyWater, newAlert, type StateDelta, type StateSnapshot } from '@ioc/domain'
import { describe, expect, test, vi } from 'vitest'
import { realNetworkIndex } from '../state/test-network'
import { FakeSocket } from './fake-socket'
import { createLiveFeed } from './live-feed'

const index = realNetworkIndex()
const version = index.network.version
const T0 = Date.parse('2025-11-06T00:00:00+07:00')

/** The feed's socket, recording what it asks the server. */
class AskedSocket extends FakeSocket {
  readonly sent: { event: string; ack: (reply: unknown) => void }[] = []
  emit(event: string, ack: (reply: unknown) => void) {
    this.sent.push({ event, ack })
    return this
  }
}

function setup() {
  const socket = new AskedSocket()
  let now = T0
  const onNetworkChanged = vi.fn()
  const feed = createLiveFeed(socket.asSocket(), index, { now: () => now, onNetworkChanged })
  return { socket, feed, onNetworkChanged, advance: (ms: number) => (now += ms) }
}

const snapshot = (speeds: [number, number][], alerts: Alert[] = []): StateSnapshot => ({
  networkVersion: version,
  clock: T0,
  traffic: {
    segmentIdx: speeds.map(([i]) => i),
    speedKph: speeds.map(([, s]) => s),
    observedAt: speeds.map(() => T0),
  },
  water: emptyWater(),
  alerts,
})
const delta = (seq: number, speeds: [number, number][]): StateDelta => ({
  networkVersion: version,
  seq,
  clock: T0 + seq,
  traffic: {
    segmentIdx: speeds.map(([i]) => i),
    speedKph: speeds.map(([, s]) => s),
    observedAt: speeds.map(() => T0),
  },
  water: emptyWater(),
})

describe('createLiveFeed', () => {
  test('the snapshot after connecting, then deltas, reach the state and the view', () => {
    const { socket, feed } = setup()
    socket.serverSends('connect')
    socket.serverSends('state:snapshot', snapshot([[0, 30]]))
    socket.serverSends('state:delta', delta(1, [[5, 12]]))
    expect(feed.state.speedKph[0]).toBe(30)
    expect(feed.state.speedKph[5]).toBe(12)
    expect(feed.getView()).toMatchObject({
      connected: true,
      lastDataAt: T0,
      trafficVersion: feed.state.trafficVersion,
    })
  })

  test('a missed delta asks the server for a snapshot, and applies it', () => {
    const { socket, feed } = setup()
    socket.serverSends('connect')
    socket.serverSends('state:snapshot', snapshot([]))
    socket.serverSends('state:delta', delta(1, [[0, 30]]))
    socket.serverSends('state:delta', delta(3, [[1, 20]]))
    expect(socket.sent.map((s) => s.event)).toEqual(['state:resync'])
    socket.sent[0]?.ack({ ok: true, value: snapshot([[2, 44]]) })
    expect([feed.state.speedKph[0], feed.state.speedKph[2]]).toEqual([Number.NaN, 44])
  })

  test('after a dropped connection the view says reconnecting, and the next snapshot resynchronises', () => {
    const { socket, feed, advance } = setup()
    socket.serverSends('connect')
    socket.serverSends('state:snapshot', snapshot([[0, 30]]))
    socket.serverSends('disconnect')
    expect(feed.getView()).toMatchObject({ connected: false, everConnected: true, lastDataAt: T0 })
    advance(90_000)
    socket.serverSends('connect')
    socket.serverSends('state:snapshot', snapshot([[0, 8]]))
    expect(feed.state.speedKph[0]).toBe(8)
    expect(feed.getView()).toMatchObject({ connected: true, lastDataAt: T0 + 90_000 })
  })

  test('a delta for another network version asks for the new network and changes nothing', () => {
    const { socket, feed, onNetworkChanged } = setup()
    socket.serverSends('state:snapshot', snapshot([[0, 30]]))
    socket.serverSends('state:delta', { ...delta(1, [[0, 5]]), networkVersion: 'next' })
    expect(onNetworkChanged).toHaveBeenCalledOnce()
    expect(feed.state.speedKph[0]).toBe(30)
  })

  test("a feed made on the desk's socket, already connected, asks for the picture it missed", () => {
    const socket = new AskedSocket()
    socket.serverSends('connect')
    const feed = createLiveFeed(socket.asSocket(), index, {
      now: () => T0,
      onNetworkChanged() {},
    })
    expect(socket.sent.map((s) => s.event)).toEqual(['state:resync'])
    socket.sent[0]?.ack({ ok: true, value: snapshot([[0, 30]]) })
    expect(feed.state.speedKph[0]).toBe(30)
    expect(feed.getView()).toMatchObject({ connected: true, lastDataAt: T0 })
  })

  test('alert changes update the open alerts; a resolved alert leaves them', () => {
    const { socket, feed } = setup()
    const raised = newAlert({
      id: 'a1',
      key: 'water-level:phu-an',
      kind: 'water-level',
      subject: { type: 'station', id: 'phu-an' },
      severity: 'critical',
      value: 1.62,
      threshold: 1.6,
      unit: 'm',
      message: { vi: 'Phú An vượt báo động III', en: 'Phú An above alarm level III' },
      raisedAt: T0,
    })
    socket.serverSends('state:snapshot', snapshot([]))
    socket.serverSends('alert:changed', raised)
    expect(feed.getView().alerts).toEqual([raised])
    socket.serverSends('alert:changed', {
      ...raised,
      resolution: { by: 'trucban', at: T0, note: 'ok', forced: false },
    })
    expect(feed.getView().alerts).toEqual([])
  })

  test('dispose stops listening', () => {
    const { socket, feed } = setup()
    feed.dispose()
    socket.serverSends('state:snapshot', snapshot([[0, 30]]))
    expect(Number.isNaN(feed.state.speedKph[0])).toBe(true)
  })
})
