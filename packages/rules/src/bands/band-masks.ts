import type { Level } from '../config/resolve-rules'
import { packMasks } from './band-alert'

/**
 * Masks for a value that is worse when high (water, depth, rise): level k is reached at ≥ its
 * threshold and released below its releaseAt.
 */
export function risingMasks(levels: readonly Level[], value: number): number {
  let enter = 0
  let leave = 0
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] as Level
    if (value >= level.threshold) enter |= 1 << i
    if (value < level.releaseAt) leave |= 1 << i
  }
  return packMasks(enter, leave)
}

/**
 * Masks for a value that is worse when low (speed): level k is reached strictly below its threshold
 * and released strictly above its releaseAt.
 */
export function fallingMasks(levels: readonly Level[], value: number): number {
  let enter = 0
  let leave = 0
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] as Level
    if (value < level.threshold) enter |= 1 << i
    if (value > level.releaseAt) leave |= 1 << i
  }
  return packMasks(enter, leave)
}
