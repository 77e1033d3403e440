import { loadMeasuredSpeeds, loadNetwork, loadTideReports } from '@ioc/fixtures'
import { buildWorld, type World } from './world'

let cached: World | undefined

/** The world built from the HCMC fixtures, once per process (~0.4 s). */
export function loadWorld(): World {
  cached ??= buildWorld({
    network: loadNetwork(),
    measuredSpeeds: loadMeasuredSpeeds(),
    tideReports: loadTideReports(),
  })
  return cached
}
