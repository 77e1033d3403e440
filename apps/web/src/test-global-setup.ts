import { networkToGeoJson } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import type { TestProject } from 'vitest/node'

/**
 * Loads the real network once, in Node, for component tests: under jsdom Vite rewrites
 * `new URL(…, import.meta.url)` as a browser asset, so @ioc/fixtures cannot find its files there.
 */
export default function setup(project: TestProject) {
  project.provide('hcmcNetwork', networkToGeoJson(loadNetwork()))
}
