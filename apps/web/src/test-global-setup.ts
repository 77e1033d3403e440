import { networkToGeoJson, type OperationalIncident } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { applyAlert, defaultGroupingConfig, defaultProceduresConfig, indexPlaces } from '@ioc/incidents'
import type { TestProject } from 'vitest/node'
import { eveningQueue } from './console/test-alerts'

/** The incidents the server makes of the evening queue: packages/incidents on the real network. */
function eveningIncidents(): OperationalIncident[] {
  const network = loadNetwork()
  const ctx = {
    places: indexPlaces(network),
    grouping: defaultGroupingConfig(),
    procedures: defaultProceduresConfig(),
  }
  let open: OperationalIncident[] = []
  for (const a of eveningQueue().sort((x, y) => x.raisedAt - y.raisedAt)) open = applyAlert(open, a, ctx).open
  return open
}

/**
 * Loads the real network once, in Node, for component tests: under jsdom Vite rewrites
 * `new URL(…, import.meta.url)` as a browser asset, so @ioc/fixtures cannot find its files there.
 * The evening's incidents are grouped here for the same reason.
 */
export default function setup(project: TestProject) {
  project.provide('hcmcNetwork', networkToGeoJson(loadNetwork()))
  project.provide('eveningIncidents', eveningIncidents())
}
