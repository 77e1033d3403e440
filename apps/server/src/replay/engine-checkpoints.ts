import type { Alert } from '@ioc/domain'

/** The rules engine and its active alerts at a data time, kept to restart from instead of warming up. */
export interface EngineCheckpoint {
  /** The engine has taken every observation with observedAt < atMs. */
  atMs: number
  /** `RulesEngineState` as gzipped JSON: ~1 MB of JSON for the whole network packs to a tenth. */
  state: Buffer
  alerts: Alert[]
}

interface Chain {
  /** By atMs. */
  checkpoints: EngineCheckpoint[]
  usedAt: number
}

/**
 * Engine checkpoints in memory, per chain: one rules configuration warmed up from one start, so a seek
 * restarts the engine from the checkpoint before it rather than from the warm-up start. Shared by the
 * sessions of the process; bounded in bytes, least recently used chains go first.
 */
export class EngineCheckpoints {
  private readonly chains = new Map<string, Chain>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  /** The latest checkpoint of the chain at or before `atMs`. */
  latest(chain: string, atMs: number): EngineCheckpoint | undefined {
    const c = this.chains.get(chain)
    if (!c) return undefined
    c.usedAt = performance.now()
    let found: EngineCheckpoint | undefined
    for (const cp of c.checkpoints) {
      if (cp.atMs > atMs) break
      found = cp
    }
    return found
  }

  has(chain: string, atMs: number): boolean {
    return this.chains.get(chain)?.checkpoints.some((cp) => cp.atMs === atMs) ?? false
  }

  put(chain: string, cp: EngineCheckpoint): void {
    let c = this.chains.get(chain)
    if (!c) {
      c = { checkpoints: [], usedAt: performance.now() }
      this.chains.set(chain, c)
    }
    if (c.checkpoints.some((x) => x.atMs === cp.atMs)) return
    c.checkpoints.push(cp)
    c.checkpoints.sort((a, b) => a.atMs - b.atMs)
    this.bytes += sizeOf(cp)
    this.evict(chain)
  }

  /** Bytes held, for metrics and the bench. */
  size(): number {
    return this.bytes
  }

  private evict(keep: string): void {
    while (this.bytes > this.maxBytes) {
      let oldest: [string, Chain] | undefined
      for (const entry of this.chains) {
        if (entry[0] !== keep && (!oldest || entry[1].usedAt < oldest[1].usedAt)) oldest = entry
      }
      if (!oldest) {
        // Only the chain being written is left: drop its earliest checkpoints.
        const c = this.chains.get(keep)
        const first = c?.checkpoints.shift()
        if (!first) return
        this.bytes -= sizeOf(first)
        continue
      }
      for (const cp of oldest[1].checkpoints) this.bytes -= sizeOf(cp)
      this.chains.delete(oldest[0])
    }
  }
}

/** The state dominates; an alert is a few hundred bytes. */
function sizeOf(cp: EngineCheckpoint): number {
  return cp.state.byteLength + cp.alerts.length * 500
}
