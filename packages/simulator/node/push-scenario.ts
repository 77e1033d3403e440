import { setTimeout as sleep } from 'node:timers/promises'
import { formatLocalIso, type Observation } from '@ioc/domain'
import { generateObservations } from '../src/generate-observations'
import { dueWallMs, retryDelayMs } from '../src/push/pace'
import type { Scenario } from '../src/scenario/scenario'
import type { World } from '../src/world'

export interface PushOptions {
  url: string
  key: string
  /** Simulated seconds per real second. */
  speed: number
  /** Most observations per POST. */
  batch: number
  /** Scenario time to start from (default the scenario start). */
  startMs?: number
  /**
   * Scenario time from which to send: readings between it and `startMs` are history, sent at once
   * (default `startMs`: no history).
   */
  historyFromMs?: number
  /**
   * Re-time every reading so that `startMs` is the moment the push starts: a recorded day played as if
   * it were happening now, which is what a live server's clock-driven rules (a silent sensor) expect.
   * Readings would then lie in the future above 1×, so it needs `speed` ≤ 1.
   */
  asLive?: boolean
  /** Replay again and again, each pass shifted by the scenario length so time keeps moving forward. */
  loop: boolean
  maxAttempts?: number
  log?: (line: string) => void
}

/** Replays a scenario onto a running server, paced to `speed`× real time, retrying failed batches. */
export async function pushScenario(scenario: Scenario, world: World, o: PushOptions): Promise<number> {
  const endpoint = new URL('/api/v1/observations', o.url).toString()
  const startMs = Date.parse(scenario.from)
  const lengthMs = Date.parse(scenario.to) - startMs
  const simStartMs = o.startMs ?? startMs
  const wallStartMs = Date.now()
  if (o.asLive && o.speed > 1) throw new Error('a push re-timed to now cannot run faster than real time')
  // Whole minutes, so re-timed readings keep their round clock times (17:05:00, not 17:05:37).
  const liveShiftMs = o.asLive ? Math.floor((wallStartMs - simStartMs) / 60_000) * 60_000 : 0
  let sent = 0
  for (let pass = 0; pass === 0 || o.loop; pass++) {
    const shiftMs = pass * lengthMs + liveShiftMs
    let lines: string[] = []
    let lastMs = 0
    const flush = async () => {
      if (lines.length === 0) return
      const wait = dueWallMs(lastMs - liveShiftMs, simStartMs, wallStartMs, o.speed) - Date.now()
      if (wait > 0) await sleep(wait)
      await postWithRetry(endpoint, o.key, `${lines.join('\n')}\n`, o.maxAttempts ?? 8, o.log)
      sent += lines.length
      o.log?.(`${formatLocalIso(lastMs)}  ${sent} observations sent`)
      lines = []
    }
    const fromMs = pass === 0 ? (o.historyFromMs ?? simStartMs) : startMs
    for (const obs of generateObservations(scenario, world, { fromMs })) {
      const atMs = Date.parse(obs.observedAt) + shiftMs
      // A batch never spans two timestamps' pacing: send what is due before moving on in time.
      if (lines.length >= o.batch || (lines.length > 0 && atMs !== lastMs)) await flush()
      lastMs = atMs
      lines.push(JSON.stringify(shiftMs === 0 ? obs : shift(obs, atMs)))
    }
    await flush()
  }
  return sent
}

function shift(obs: Observation, atMs: number): Observation {
  return { ...obs, observedAt: formatLocalIso(atMs) }
}

async function postWithRetry(
  url: string,
  key: string,
  body: string,
  maxAttempts: number,
  log?: (line: string) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let failure: string
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${key}` },
        body,
      })
      if (res.ok) return
      const text = await res.text()
      // 4xx other than 408/429 will fail the same way again: stop and show why.
      if (res.status < 500 && res.status !== 408 && res.status !== 429) {
        throw new Error(`POST ${url} → ${res.status}: ${text.slice(0, 500)}`)
      }
      failure = `${res.status} ${text.slice(0, 200)}`
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('POST ')) throw error
      failure = error instanceof Error ? error.message : String(error)
    }
    if (attempt >= maxAttempts) throw new Error(`POST ${url} failed ${attempt} times, last: ${failure}`)
    log?.(`batch failed (${failure}); retry ${attempt} of ${maxAttempts - 1}`)
    await sleep(retryDelayMs(attempt))
  }
}
