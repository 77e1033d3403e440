// mulberry32 by Tommy Ettinger, as published in bryc's PRNG collection:
// https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32 (public domain).
// 32-bit state, passes gjrand's tests at the sizes we draw; fast and tiny.

/** A seeded generator of uniform numbers in [0, 1). */
export type Random = () => number

export function mulberry32(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A uniform number in [0, 1) that depends only on (seed, a, b): noise keyed by subject and time step,
 * so a window or a subset of a scenario draws the same values as the full run.
 */
export function hashUniform(seed: number, a: number, b: number): number {
  // Mix the keys with distinct odd multipliers (from splitmix/murmur finalisers) before one mulberry32 step.
  const key = (seed ^ Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) >>> 0
  return mulberry32(key)()
}
