import type { Observation } from '@ioc/domain'
import type { RulesEngine, SegmentState } from '@ioc/rules'
import type { EngineOutput } from '../store/alert-store'

/**
 * Runs stored observations through the engine in order, and returns what goes into their transaction:
 * the events, and the state of the subjects they touched (less the segments `persisted` still holds).
 */
export function deriveEngineOutput(
  engine: RulesEngine,
  stored: readonly Observation[],
  persisted?: ReadonlyMap<string, SegmentState>,
): EngineOutput & { state: { segments: Record<string, SegmentState> } } {
  const events = []
  const stations = new Set<string>()
  const segments = new Set<string>()
  for (const o of stored) {
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
