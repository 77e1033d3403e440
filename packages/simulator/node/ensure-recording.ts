import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { GENERATED_DIR } from '@ioc/fixtures'
import { loadWorld } from '../src/load-world'
import { loadScenario } from '../src/scenario/load-scenario'
import { writeRecording } from './write-recording'

/**
 * The path of `fixtures/recordings/generated/<name>-<hash>.ndjson`, generating it on first use. The hash
 * covers the scenario file, the network version, the fitted tide models and the calibrated weekday
 * speeds, so an edited scenario, a refitted tide or a recalibrated traffic gets a fresh recording.
 * Written under a temporary name and renamed, so parallel test workers never read a half-written file.
 */
export async function ensureRecording(name: string): Promise<string> {
  const { scenario, text } = loadScenario(name)
  const world = loadWorld()
  const hash = createHash('sha256').update(text).update(world.version).update(JSON.stringify(world.tides))
  for (const day of world.weekdayKph) hash.update(day)
  const digest = hash.digest('hex').slice(0, 12)
  const path = `${GENERATED_DIR}${name}-${digest}.ndjson`
  if (existsSync(path)) return path
  mkdirSync(GENERATED_DIR, { recursive: true })
  const tmp = `${path}.${randomUUID()}.tmp`
  try {
    await writeRecording(scenario, tmp, world)
    renameSync(tmp, path)
  } finally {
    rmSync(tmp, { force: true })
  }
  return path
}
