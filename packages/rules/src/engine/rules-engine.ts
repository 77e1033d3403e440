import type { AlertEvent, Network, Observation } from '@ioc/domain'
import type { BandAlert } from '../bands/band-alert'
import { stepBandAlert } from '../bands/band-alert'
import { fallingMasks, risingMasks } from '../bands/band-masks'
import { resolveRules } from '../config/resolve-rules'
import type { RulesConfig } from '../config/rules-config'
import { createCongestionAlert } from '../congestion/congestion-alert'
import {
  createRateOfRiseAlert,
  observeRateOfRise,
  type RateOfRiseAlert,
} from '../rate-of-rise/rate-of-rise-alert'
import {
  checkSilent,
  createSilentAlert,
  resumeSilent,
  type SilentAlert,
} from '../sensor-silent/sensor-silent-alert'
import { createStreetFloodAlert } from '../street-flood/street-flood-alert'
import { parseIsoMs } from '../time/parse-iso-ms'
import { createWaterLevelAlert } from '../water-level/water-level-alert'
import { RulesEngineState, type SegmentState, type StationState } from './engine-state'
import { exportBand, exportRateOfRise, restoreBand, restoreRateOfRise } from './state-codec'

export interface RulesEngine {
  /**
   * Feeds one observation; returns the events it causes (usually none). Time is the observation's
   * `observedAt`. An observation older than the last one seen for its subject is ignored (a late
   * duplicate must not rewind timers); one at the same instant is evaluated once per source: the same
   * subject, instant and source again is the same reading again (the store's key; a feed retrying a
   * batch), so it is skipped, before or after a restore. Unknown subjects are ignored: the server
   * validates against the network first.
   */
  observe(o: Observation): readonly AlertEvent[]
  /** Advances the injected clock (epoch ms, live only): raises `sensor-silent` alerts. */
  tick(nowMs: number): readonly AlertEvent[]
  /** The current event of every open alert, stations then segments in network order. */
  openAlerts(): AlertEvent[]
  /**
   * Timers and open alerts as JSON, for `createRulesEngine(network, config, state)` after a restart.
   * With `only`, just those subjects (and the engine-wide fields): what a batch changed, so a server
   * persisting state per batch pays for the batch, not for the whole network. Parts that did not
   * change since the last export are the same objects again: treat the result as read-only.
   *
   * With `persisted` (segment states as last stored, from earlier exports), a segment whose state
   * apart from `lastAtMs` and `lastSources` is still the stored one is left out: for a store that
   * takes a segment's latest reading time and its sources from its readings, most segments of a batch
   * then need no export and no write.
   */
  exportState(only?: StateSubjects, persisted?: ReadonlyMap<string, SegmentState>): RulesEngineState
}

export interface RestoreOptions {
  /**
   * Skip validating `state`: only for a state this process exported itself (a replay's checkpoints),
   * where validation would be most of the cost of a seek. A state read from storage is always validated.
   */
  trustedState?: boolean
}

export interface StateSubjects {
  stations: Iterable<string>
  segments: Iterable<string>
}

/** When a subject was last read, and by which sources at that instant. */
interface ReadTimes {
  /** Epoch ms of the last accepted reading, NaN before the first. */
  lastAtMs: number
  /** The first source judged at `lastAtMs`; null when unknown (restored from a state without it). */
  lastSource: string | null
  /** Further sources judged at `lastAtMs`; null when there is none, nearly always. */
  moreSources: string[] | null
  /** The last exported `[lastSource]`, handed out again while it holds: exports allocate nothing for it. */
  exportedSources: string[] | null
}

interface StationRuntime extends ReadTimes {
  id: string
  waterLevel: BandAlert | null
  rateOfRise: RateOfRiseAlert | null
  streetFlood: BandAlert | null
  silent: SilentAlert | null
}

interface SegmentRuntime extends ReadTimes {
  id: string
  congestion: BandAlert | null
}

// Returned when nothing happened, which is nearly always: no allocation per observation.
const NONE: readonly AlertEvent[] = Object.freeze([])

/**
 * The alert rules over one network. Pure and deterministic: the same config and observations in the
 * same order give the same events, live or replayed. Throws if the config does not fit the network
 * (load it with `loadRulesConfig` first) or the state fails `RulesEngineState`.
 */
export function createRulesEngine(
  network: Network,
  config: RulesConfig,
  state?: RulesEngineState,
  options: RestoreOptions = {},
): RulesEngine {
  const resolved = resolveRules(network, config)
  if (!resolved.ok) {
    throw new Error(
      `rules config does not fit the network: ${resolved.error.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    )
  }

  const stationList: StationRuntime[] = resolved.value.stations.map((s) => {
    const base = {
      id: s.station.id,
      ...neverRead(),
      silent: s.silentAfterMs === null ? null : createSilentAlert(s.station, s.silentAfterMs),
    }
    if ('streetFlood' in s) {
      return {
        ...base,
        waterLevel: null,
        rateOfRise: null,
        streetFlood: s.streetFlood && createStreetFloodAlert(s.station, s.streetFlood),
      }
    }
    return {
      ...base,
      waterLevel: s.waterLevel && createWaterLevelAlert(s.station, s.waterLevel),
      rateOfRise: s.rateOfRise && createRateOfRiseAlert(s.station, s.rateOfRise),
      streetFlood: null,
    }
  })
  const segmentList: SegmentRuntime[] = resolved.value.segments.map((s) => ({
    id: s.segment.id,
    ...neverRead(),
    congestion: s.congestion && createCongestionAlert(s.segment, s.congestion),
  }))
  const stations = new Map(stationList.map((s) => [s.id, s]))
  const segments = new Map(segmentList.map((s) => [s.id, s]))
  let silenceBaselineMs = Number.NaN

  if (state) {
    const s = options.trustedState ? state : RulesEngineState.parse(state)
    silenceBaselineMs = s.silenceBaselineMs ?? Number.NaN
    for (const [id, st] of Object.entries(s.stations)) {
      const rt = stations.get(id)
      if (rt) restoreStation(rt, st)
    }
    for (const [id, st] of Object.entries(s.segments)) {
      const rt = segments.get(id)
      if (rt) restoreSegment(rt, st)
    }
  }

  // Feeds usually stamp a whole batch with one time, so one remembered parse saves most of them.
  let lastIso = ''
  let lastIsoMs = Number.NaN

  function observe(o: Observation): readonly AlertEvent[] {
    if (o.observedAt !== lastIso) {
      lastIso = o.observedAt
      lastIsoMs = parseIsoMs(lastIso)
    }
    const at = lastIsoMs
    if (o.type === 'traffic') {
      const rt = segments.get(o.segmentId)
      if (rt === undefined || Number.isNaN(at) || !accept(rt, at, o.source)) return NONE
      const c = rt.congestion
      if (c === null) return NONE
      const e = stepBandAlert(c, fallingMasks(c.levels, o.speedKph), o.speedKph, at)
      return e === null ? NONE : [e]
    }
    const rt = stations.get(o.stationId)
    if (rt === undefined || Number.isNaN(at)) return NONE
    const sinceMs = Number.isNaN(rt.lastAtMs) ? silenceBaselineMs : rt.lastAtMs
    if (!accept(rt, at, o.source)) return NONE
    let out = NONE
    if (rt.silent) out = add(out, resumeSilent(rt.silent, sinceMs, at))
    const v = o.value
    if (rt.waterLevel)
      out = add(out, stepBandAlert(rt.waterLevel, risingMasks(rt.waterLevel.levels, v), v, at))
    if (rt.rateOfRise) out = add(out, observeRateOfRise(rt.rateOfRise, at, v))
    if (rt.streetFlood)
      out = add(out, stepBandAlert(rt.streetFlood, risingMasks(rt.streetFlood.levels, v), v, at))
    return out
  }

  function tick(nowMs: number): readonly AlertEvent[] {
    if (Number.isNaN(silenceBaselineMs)) silenceBaselineMs = nowMs
    let out = NONE
    for (const rt of stationList) {
      if (rt.silent === null) continue
      const sinceMs = Number.isNaN(rt.lastAtMs) ? silenceBaselineMs : rt.lastAtMs
      out = add(out, checkSilent(rt.silent, sinceMs, nowMs))
    }
    return out
  }

  function openAlerts(): AlertEvent[] {
    const out: AlertEvent[] = []
    for (const rt of stationList) {
      for (const a of [rt.waterLevel, rt.rateOfRise?.band, rt.streetFlood, rt.silent])
        if (a?.open) out.push(a.open)
    }
    for (const rt of segmentList) if (rt.congestion?.open) out.push(rt.congestion.open)
    return out
  }

  function exportState(
    only?: StateSubjects,
    persisted?: ReadonlyMap<string, SegmentState>,
  ): RulesEngineState {
    const out: RulesEngineState = {
      version: 1,
      networkVersion: network.version,
      silenceBaselineMs: Number.isNaN(silenceBaselineMs) ? null : silenceBaselineMs,
      stations: {},
      segments: {},
    }
    const pick = <T>(ids: Iterable<string>, byId: Map<string, T>) => {
      const out: T[] = []
      for (const id of ids) {
        const rt = byId.get(id)
        if (rt) out.push(rt)
      }
      return out
    }
    for (const rt of only ? pick(only.stations, stations) : stationList) {
      if (Number.isNaN(rt.lastAtMs) && !rt.silent?.open) continue
      const st: StationState = { lastAtMs: Number.isNaN(rt.lastAtMs) ? null : rt.lastAtMs }
      const lastSources = sourcesOf(rt)
      if (lastSources) st.lastSources = lastSources
      if (rt.waterLevel) st.waterLevel = exportBand(rt.waterLevel)
      if (rt.rateOfRise) st.rateOfRise = exportRateOfRise(rt.rateOfRise)
      if (rt.streetFlood) st.streetFlood = exportBand(rt.streetFlood)
      if (rt.silent) st.silent = rt.silent.open
      out.stations[rt.id] = st
    }
    for (const rt of only ? pick(only.segments, segments) : segmentList) {
      if (Number.isNaN(rt.lastAtMs)) continue
      const congestion = rt.congestion ? exportBand(rt.congestion) : undefined
      const stored = persisted?.get(rt.id)
      // exportBand hands out an unchanged band as the same object, so identity is equality here.
      if (stored && stored.congestion === congestion) continue
      const lastSources = sourcesOf(rt)
      // One literal per shape: most of a batch's exports are segments, so they are made in one step each.
      out.segments[rt.id] = lastSources
        ? congestion
          ? { lastAtMs: rt.lastAtMs, lastSources, congestion }
          : { lastAtMs: rt.lastAtMs, lastSources }
        : congestion
          ? { lastAtMs: rt.lastAtMs, congestion }
          : { lastAtMs: rt.lastAtMs }
    }
    return out
  }

  return { observe, tick, openAlerts, exportState }
}

/** Runs observations through a fresh engine and returns every event, in order (replays, tests). */
export function runRules(
  network: Network,
  config: RulesConfig,
  observations: Iterable<Observation>,
): AlertEvent[] {
  const engine = createRulesEngine(network, config)
  const events: AlertEvent[] = []
  for (const o of observations) for (const e of engine.observe(o)) events.push(e)
  return events
}

const neverRead = (): ReadTimes => ({
  lastAtMs: Number.NaN,
  lastSource: null,
  moreSources: null,
  exportedSources: null,
})

/** The sources judged at the subject's last instant, as exported; undefined when unknown or never read. */
function sourcesOf(rt: ReadTimes): string[] | undefined {
  if (rt.lastSource === null || Number.isNaN(rt.lastAtMs)) return undefined
  if (rt.moreSources) return [rt.lastSource, ...rt.moreSources]
  const held = rt.exportedSources
  if (held !== null && held.length === 1 && held[0] === rt.lastSource) return held
  const one = [rt.lastSource]
  rt.exportedSources = one
  return one
}

/**
 * Whether a reading at `at` from `source` is new to the subject, noting it if so: not older than the
 * last one, and not a source already judged at that instant (unknown sources count as judged).
 */
function accept(rt: ReadTimes, at: number, source: string): boolean {
  if (at > rt.lastAtMs || Number.isNaN(rt.lastAtMs)) {
    rt.lastAtMs = at
    rt.lastSource = source
    rt.moreSources = null
    return true
  }
  if (at < rt.lastAtMs || rt.lastSource === null || rt.lastSource === source) return false
  if (rt.moreSources === null) rt.moreSources = [source]
  else if (rt.moreSources.includes(source)) return false
  else rt.moreSources.push(source)
  return true
}

function restoreReadTimes(rt: ReadTimes, s: { lastAtMs: number | null; lastSources?: string[] }): void {
  rt.lastAtMs = s.lastAtMs ?? Number.NaN
  rt.lastSource = s.lastSources?.[0] ?? null
  rt.moreSources = s.lastSources && s.lastSources.length > 1 ? s.lastSources.slice(1) : null
}

function add(out: readonly AlertEvent[], e: AlertEvent | null): readonly AlertEvent[] {
  if (e === null) return out
  return out === NONE ? [e] : [...out, e]
}

function restoreStation(rt: StationRuntime, s: StationState): void {
  restoreReadTimes(rt, s)
  if (rt.waterLevel && s.waterLevel) restoreBand(rt.waterLevel, s.waterLevel)
  if (rt.rateOfRise && s.rateOfRise) restoreRateOfRise(rt.rateOfRise, s.rateOfRise)
  if (rt.streetFlood && s.streetFlood) restoreBand(rt.streetFlood, s.streetFlood)
  if (rt.silent && s.silent) rt.silent.open = s.silent
}

function restoreSegment(rt: SegmentRuntime, s: SegmentState): void {
  restoreReadTimes(rt, s)
  if (rt.congestion && s.congestion) restoreBand(rt.congestion, s.congestion)
}
