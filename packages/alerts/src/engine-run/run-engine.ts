import type { AlertEvent, Observation } from '@ioc/domain'
import type { RulesEngine, SegmentState } from '@ioc/rules'

/**
 * The rules engine's memory as stored rows: one JSON document per subject, plus the engine-wide part.
 * Only the subjects a batch touched are written, so a batch of ten readings writes ten rows, not the
 * whole network (the full state is ~1 MB).
 */
export interface RulesStatePatch {
  /** `RulesEngineState` without its stations and segments. */
  meta: Record<string, unknown>
  stations: Record<string, unknown>
  segments: Record<string, unknown>
}

/** What the engine made of some observations (or of a clock tick): its events and the state to store. */
export interface EngineOutput {
  events: readonly AlertEvent[]
  state: RulesStatePatch
}

/**
 * Runs observations through the engine in order, and returns what goes into their transaction: the
 * events, and the state of the subjects they touched (less the segments `persisted` still holds).
 */
export function runEngine(
  engine: RulesEngine,
  observations: readonly Observation[],
  persisted?: ReadonlyMap<string, SegmentState>,
): EngineOutput & { state: { segments: Record<string, SegmentState> } } {
  const events = []
  const stations = new Set<string>()
  const segments = new Set<string>()
  for (const o of observations) {
    if (o.type === 'traffic') segments.add(o.segmentId)
    else stations.add(o.stationId)
    events.push(...engine.observe(o))
  }
  const {
    stations: stationStates,
    segments: segmentStates,
    ...meta
  } = engine.exportState({ stations, segments }, persisted)
  return { events, state: { meta, stations: stationStates, segments: segmentStates } }
}

/**
 * A clock tick of the engine (the sensor-silent rule): its events and the state of the stations they
 * concern, or null when the tick changed nothing worth storing.
 */
export function tickEngine(engine: RulesEngine, nowMs: number): EngineOutput | null {
  const before = engine.exportState({ stations: [], segments: [] }).silenceBaselineMs
  const events = engine.tick(nowMs)
  const stations = new Set(events.map((e) => e.subject.id))
  const { stations: stationStates, segments: _none, ...meta } = engine.exportState({ stations, segments: [] })
  if (!events.length && meta.silenceBaselineMs === before) return null
  return { events, state: { meta, stations: stationStates, segments: {} } }
}
