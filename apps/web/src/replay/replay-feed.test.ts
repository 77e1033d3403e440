// @vitest-environment node
import type { ReplaySnapshot, StateDelta } from '@ioc/domain'
import { describe, expect, test, vi } from 'vitest'
import { FakeSocket } from '../connection/fake-socket'
import { at, phuAnCritical } from '../console/test-alerts'
import { realNetworkIndex } from '../state/test-network'
import { createReplayFeed } from './replay-feed'

const index = realNetworkIndex()
const version = index.network.version
const phuAn = index.stationIdxById.get('phu-an') as number
const range = { from: at('15:00'), to: at('20:00') }

/** The server side of a replay socket: acks what the feed asks, and sends replay events. */
class ReplaySocket extends FakeSocket {
  override connected = true
  readonly asked: { event: string; payload: unknown }[] = []
  /** The replay clock as the server holds it. */
  t = range.from
  emit(event: string, ...args: unknown[]) {
    const ack = args.pop() as (r: unknown) => void
    this.asked.push({ event, payload: args[0] })
    if (event === 'replay:start') {
      this.t = range.from
      const r = args[0] as { from: number; to: number; speed: number; rulesOverride?: unknown }
      ack({
        ok: true,
        value: {
          clock: { t: r.from, speed: r.speed, playing: false, from: r.from, to: r.to },
          stepMs: 300_000,
          whatIf: !!r.rulesOverride,
        },
      })
    } else if (event === 'replay:control') {
      const c = args[0] as { type: string; t?: number }
      this.t = c.t ?? this.t
      ack({ ok: true, value: { t: this.t, speed: 60, playing: c.type === 'play', ...range } })
    } else ack({ ok: true, value: null })
    return this
  }
}

const snapshot = (t: number, levelM: number): ReplaySnapshot => ({
  networkVersion: version,
  clock: t,
  traffic: { segmentIdx: [], speedKph: [], observedAt: [] },
  water: { stationIdx: [phuAn], value: [levelM], observedAt: [t] },
  alerts: [phuAnCritical()],
  replayedAlerts: [],
})
const delta = (seq: number, t: number, levelM: number): StateDelta => ({
  networkVersion: version,
  seq,
  clock: t,
  traffic: { segmentIdx: [], speedKph: [], observedAt: [] },
  water: { stationIdx: [phuAn], value: [levelM], observedAt: [t] },
})

function setup() {
  const socket = new ReplaySocket()
  const feed = createReplayFeed(socket.asSocket(), index, {
    now: () => 0,
    onNetworkChanged: vi.fn(),
    beforePaint: (fn) => fn(),
  })
  return { socket, feed }
}

describe('replay feed', () => {
  test('replay snapshots and deltas fill the same state the live map draws', async () => {
    const { socket, feed } = setup()
    await feed.start({ ...range, speed: 60 })
    socket.serverSends('replay:snapshot', snapshot(at('16:35'), 1.62))
    expect(feed.state.waterValue[phuAn]).toBeCloseTo(1.62)
    expect(feed.getView().alerts).toEqual([phuAnCritical()])
    socket.serverSends('replay:delta', delta(0, at('16:40'), 1.64))
    expect(feed.state.waterValue[phuAn]).toBeCloseTo(1.64)
    expect(feed.getView()).toMatchObject({ clock: at('16:40'), replay: { t: range.from, speed: 60 } })
  })

  test('recorded and what-if alerts are kept apart, and a cleared one leaves the map', async () => {
    const { socket, feed } = setup()
    await feed.start({
      ...range,
      speed: 60,
      rulesOverride: { stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } } },
    })
    expect(feed.getView().whatIf).toBe(true)
    const whatIf = phuAnCritical({ id: 'replayed:water-level:phu-an:1', raisedAt: at('16:20') })
    socket.serverSends('replay:alert', { source: 'replayed', alert: whatIf })
    socket.serverSends('replay:alert', { source: 'recorded', alert: phuAnCritical() })
    expect(feed.getView().replayedAlerts).toEqual([whatIf])
    expect(feed.getView().alerts).toEqual([phuAnCritical()])
    socket.serverSends('replay:alert', {
      source: 'recorded',
      alert: phuAnCritical({ active: false, clearedAt: at('18:00') }),
    })
    expect(feed.getView().alerts).toEqual([])
    expect([...feed.getView().seenRecorded.keys()]).toEqual(['al-phu-an-2'])
  })

  test('a what-if restart keeps the analyst at the same time', async () => {
    const { socket, feed } = setup()
    await feed.start({ ...range, speed: 60 }, at('17:10'))
    expect(socket.asked.map((a) => [a.event, a.payload])).toEqual([
      ['replay:start', { ...range, speed: 60 }],
      ['replay:control', { type: 'seek', t: at('17:10') }],
    ])
  })

  test('after a reconnect the replay starts again where it was, playing if it played', async () => {
    const { socket, feed } = setup()
    socket.serverSends('connect')
    await feed.start({ ...range, speed: 60 })
    await feed.control({ type: 'seek', t: at('18:00') })
    await feed.control({ type: 'play' })
    socket.asked.length = 0
    socket.serverSends('disconnect')
    expect(feed.getView().connected).toBe(false)
    socket.serverSends('connect')
    await vi.waitFor(() => expect(socket.asked).toHaveLength(3))
    expect(socket.asked.map((a) => [a.event, a.payload])).toEqual([
      ['replay:start', { ...range, speed: 60 }],
      ['replay:control', { type: 'seek', t: at('18:00') }],
      ['replay:control', { type: 'play' }],
    ])
  })

  test('a refused start shows the server message and changes nothing', async () => {
    const { socket, feed } = setup()
    socket.emit = function (_event: string, ...args: unknown[]) {
      const ack = args.pop() as (r: unknown) => void
      ack({
        ok: false,
        error: {
          code: 'invalid_request',
          message: 'invalid rules override',
          issues: [{ field: 'rulesOverride.stations.phu-an.alarmLevelsM', message: 'levels must rise' }],
        },
      })
      return this
    }
    expect(await feed.start({ ...range, speed: 60, rulesOverride: { stations: {} } })).toBe(false)
    expect(feed.getView()).toMatchObject({
      error: 'invalid rules override · rulesOverride.stations.phu-an.alarmLevelsM: levels must rise',
      request: null,
      whatIf: false,
    })
  })

  test('a burst of messages reaches React once, before the next paint', async () => {
    const socket = new ReplaySocket()
    const frames: (() => void)[] = []
    const feed = createReplayFeed(socket.asSocket(), index, {
      now: () => 0,
      onNetworkChanged: vi.fn(),
      beforePaint: (fn) => frames.push(fn),
    })
    const heard = vi.fn()
    feed.subscribe(heard)
    for (const k of [1, 2, 3])
      socket.serverSends('replay:alert', { source: 'replayed', alert: phuAnCritical({ id: `r${k}` }) })
    expect(feed.getView().replayedAlerts).toHaveLength(3)
    expect(heard).not.toHaveBeenCalled()
    for (const f of frames.splice(0)) f()
    expect(heard).toHaveBeenCalledOnce()
  })
})
