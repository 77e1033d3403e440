import {
  err,
  ok,
  type Result,
  type StateDelta,
  type StateSnapshot,
  type TrafficColumns,
  type WaterColumns,
} from '@ioc/domain'

/**
 * The latest value of every segment and station in typed arrays indexed like the network's features, so
 * a delta is a few array writes and deck.gl reads the columns directly. Versions go up on each change
 * and feed deck.gl `updateTriggers`, which recompute only the accessors that read the changed column.
 */
export interface LiveState {
  networkVersion: string
  /** Data time of the last snapshot or delta, epoch ms (the replay clock in a replay). */
  clock: number
  /** `seq` of the last delta, or -1 right after a snapshot (the next delta's seq is then unknown). */
  seq: number
  /** km/h; NaN until the segment reports. */
  speedKph: Float32Array
  /** Epoch ms of each segment's last report; 0 until it reports. */
  trafficAt: Float64Array
  /** m for gauges, cm for street flood sensors; NaN until the station reports. */
  waterValue: Float32Array
  waterAt: Float64Array
  trafficVersion: number
  waterVersion: number
  /** Epoch ms of the newest report of any subject; 0 before the first. */
  newestAt: number
}

/** Why a snapshot or delta was refused: it is for another network version, or names a subject past its end. */
export type LiveStateProblem = 'network-changed' | 'index-out-of-range'

export function createLiveState(
  networkVersion: string,
  segmentCount: number,
  stationCount: number,
): LiveState {
  return {
    networkVersion,
    clock: 0,
    seq: -1,
    speedKph: new Float32Array(segmentCount).fill(Number.NaN),
    trafficAt: new Float64Array(segmentCount),
    waterValue: new Float32Array(stationCount).fill(Number.NaN),
    waterAt: new Float64Array(stationCount),
    trafficVersion: 0,
    waterVersion: 0,
    newestAt: 0,
  }
}

function indicesFit(indices: readonly number[], length: number): boolean {
  for (let i = 0; i < indices.length; i++) if ((indices[i] as number) >= length) return false
  return true
}

function check(
  state: LiveState,
  m: { networkVersion: string; traffic: TrafficColumns; water: WaterColumns },
): LiveStateProblem | null {
  if (m.networkVersion !== state.networkVersion) return 'network-changed'
  if (!indicesFit(m.traffic.segmentIdx, state.speedKph.length)) return 'index-out-of-range'
  if (!indicesFit(m.water.stationIdx, state.waterValue.length)) return 'index-out-of-range'
  return null
}

function writeTraffic(state: LiveState, t: TrafficColumns): void {
  const { segmentIdx, speedKph, observedAt } = t
  for (let i = 0; i < segmentIdx.length; i++) {
    const idx = segmentIdx[i] as number
    state.speedKph[idx] = speedKph[i] as number
    state.trafficAt[idx] = observedAt[i] as number
    if ((observedAt[i] as number) > state.newestAt) state.newestAt = observedAt[i] as number
  }
  if (segmentIdx.length > 0) state.trafficVersion++
}

function writeWater(state: LiveState, w: WaterColumns): void {
  const { stationIdx, value, observedAt } = w
  for (let i = 0; i < stationIdx.length; i++) {
    const idx = stationIdx[i] as number
    state.waterValue[idx] = value[i] as number
    state.waterAt[idx] = observedAt[i] as number
    if ((observedAt[i] as number) > state.newestAt) state.newestAt = observedAt[i] as number
  }
  if (stationIdx.length > 0) state.waterVersion++
}

/**
 * Replaces everything with the snapshot. Writes in place: allocating new arrays on each message would
 * hand deck.gl new buffers and cost garbage collection on a wall that runs for weeks.
 * A rejected message (other network version, index past the end) changes nothing.
 */
export function applySnapshot(
  state: LiveState,
  snapshot: StateSnapshot,
): Result<{ gap: boolean }, LiveStateProblem> {
  const problem = check(state, snapshot)
  if (problem) return err(problem)
  state.speedKph.fill(Number.NaN)
  state.trafficAt.fill(0)
  state.waterValue.fill(Number.NaN)
  state.waterAt.fill(0)
  state.newestAt = 0
  writeTraffic(state, snapshot.traffic)
  writeWater(state, snapshot.water)
  state.trafficVersion++
  state.waterVersion++
  state.clock = snapshot.clock
  state.seq = -1
  return ok({ gap: false })
}

/**
 * Applies the changed subjects of one delta. A delta whose `seq` does not follow the last one is still
 * applied (its values are the newest), and `gap: true` tells the caller to ask for a snapshot, since the
 * subjects of the missed delta may be out of date.
 */
export function applyDelta(state: LiveState, delta: StateDelta): Result<{ gap: boolean }, LiveStateProblem> {
  const problem = check(state, delta)
  if (problem) return err(problem)
  const gap = state.seq >= 0 && delta.seq !== state.seq + 1
  writeTraffic(state, delta.traffic)
  writeWater(state, delta.water)
  state.clock = delta.clock
  state.seq = delta.seq
  return ok({ gap })
}
