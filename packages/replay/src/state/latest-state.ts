import {
  type Alert,
  createTimeReader,
  type NetworkIndex,
  type NewestReadings,
  type Observation,
  type StateDelta,
  type StateSnapshot,
  type TrafficColumns,
  type WaterColumns,
} from '@ioc/domain'

/** Latest value and time of every subject, in typed arrays indexed like the network; NaN time = no data. */
interface Columns {
  value: Float64Array
  observedAt: Float64Array
  /** 1 when changed since the last delta; `dirty` lists those indices so a tick never scans the network. */
  changed: Uint8Array
  dirty: number[]
}

function columns(n: number): Columns {
  return {
    value: new Float64Array(n),
    observedAt: new Float64Array(n).fill(Number.NaN),
    changed: new Uint8Array(n),
    dirty: [],
  }
}

/** Keeps the newest reading; on equal times the first one seen stays, so a retry changes nothing. */
function update(c: Columns, i: number, value: number, observedAt: number): void {
  const current = c.observedAt[i] as number
  if (!(Number.isNaN(current) || observedAt > current)) return
  c.value[i] = value
  c.observedAt[i] = observedAt
  if (!c.changed[i]) {
    c.changed[i] = 1
    c.dirty.push(i)
  }
}

/** Indices in ascending order with their values; with `onlyDirty`, the changed ones, which it clears. */
function take(c: Columns, onlyDirty: boolean): { idx: number[]; value: number[]; observedAt: number[] } {
  let idx: number[]
  if (onlyDirty) {
    idx = c.dirty.sort((a, b) => a - b)
    for (const i of idx) c.changed[i] = 0
    c.dirty = []
  } else {
    idx = []
    for (let i = 0; i < c.observedAt.length; i++) if (!Number.isNaN(c.observedAt[i])) idx.push(i)
  }
  return {
    idx,
    value: idx.map((i) => c.value[i] as number),
    observedAt: idx.map((i) => c.observedAt[i] as number),
  }
}

/**
 * The picture at a clock: latest reading per segment and station, and which changed since the last
 * delta. No I/O and no clock: the live hub and each replay session feed it observations and ask for a
 * delta each tick, so live and replay coalesce the same way and send the same shapes.
 */
export class LatestState {
  readonly networkVersion: string
  private readonly traffic: Columns
  private readonly water: Columns
  private seq = 0

  constructor(private readonly index: NetworkIndex) {
    this.networkVersion = index.network.version
    this.traffic = columns(index.network.segments.length)
    this.water = columns(index.network.stations.length)
  }

  /** Observations of subjects outside the network are ignored; ingest has already refused them. */
  apply(observations: readonly Observation[]): void {
    const readTime = createTimeReader()
    for (const o of observations) {
      const at = readTime(o.observedAt)
      if (o.type === 'traffic') {
        const i = this.index.segmentIdx.get(o.segmentId)
        if (i !== undefined) update(this.traffic, i, o.speedKph, at)
      } else {
        const i = this.index.stationIdx.get(o.stationId)
        if (i !== undefined) update(this.water, i, o.value, at)
      }
    }
  }

  /**
   * Takes the newest readings of a batch another instance stored (`newestReadings`): the state ends as
   * if the batch itself had been applied. False, changing nothing, when they index another network.
   */
  applyNewest(readings: NewestReadings): boolean {
    if (readings.networkVersion !== this.networkVersion) return false
    const { traffic, water } = readings
    traffic.segmentIdx.forEach((i, k) => {
      update(this.traffic, i, traffic.speedKph[k] as number, traffic.observedAt[k] as number)
    })
    water.stationIdx.forEach((i, k) => {
      update(this.water, i, water.value[k] as number, water.observedAt[k] as number)
    })
    return true
  }

  /** Forgets everything and takes `observations` as the whole picture, nothing pending (a replay seek). */
  replaceAll(observations: readonly Observation[]): void {
    for (const c of [this.traffic, this.water]) {
      c.observedAt.fill(Number.NaN)
      c.changed.fill(0)
      c.dirty = []
    }
    this.apply(observations)
    for (const c of [this.traffic, this.water]) {
      c.changed.fill(0)
      c.dirty = []
    }
  }

  hasChanges(): boolean {
    return this.traffic.dirty.length > 0 || this.water.dirty.length > 0
  }

  /**
   * The changes since the last delta, or null when there are none, unless `evenIfEmpty` (a heartbeat).
   * Numbers deltas 1, 2, 3…
   */
  takeDelta(clock: number, evenIfEmpty = false): StateDelta | null {
    if (!evenIfEmpty && !this.hasChanges()) return null
    this.seq += 1
    return {
      networkVersion: this.networkVersion,
      seq: this.seq,
      clock,
      traffic: trafficColumns(take(this.traffic, true)),
      water: waterColumns(take(this.water, true)),
    }
  }

  snapshot(clock: number, alerts: Alert[]): StateSnapshot {
    return {
      networkVersion: this.networkVersion,
      clock,
      traffic: trafficColumns(take(this.traffic, false)),
      water: waterColumns(take(this.water, false)),
      alerts,
    }
  }
}

/**
 * The newest reading per subject of `observations` (on equal times the first, as `apply` keeps it), in
 * columns: applying them with `applyNewest` changes a state exactly as applying the observations would.
 */
export function newestReadings(index: NetworkIndex, observations: readonly Observation[]): NewestReadings {
  const scratch = new LatestState(index)
  scratch.apply(observations)
  const { networkVersion, traffic, water } = scratch.takeDelta(0, true) as StateDelta
  return { networkVersion, traffic, water }
}

function trafficColumns(t: ReturnType<typeof take>): TrafficColumns {
  return { segmentIdx: t.idx, speedKph: t.value, observedAt: t.observedAt }
}

function waterColumns(t: ReturnType<typeof take>): WaterColumns {
  return { stationIdx: t.idx, value: t.value, observedAt: t.observedAt }
}
