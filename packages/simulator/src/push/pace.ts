/**
 * Wall-clock time at which an observation made at `observedMs` is due when a replay that started at
 * `wallStartMs` plays simulated time from `simStartMs` at `speed`× real time.
 */
export function dueWallMs(
  observedMs: number,
  simStartMs: number,
  wallStartMs: number,
  speed: number,
): number {
  return wallStartMs + (observedMs - simStartMs) / speed
}

/** Delay before retry `attempt` (1-based): 0.5 s doubling, capped at 15 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** (attempt - 1))
}
