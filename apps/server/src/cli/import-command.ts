import { createReadStream, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { indexNetwork } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { SingleBar } from 'cli-progress'
import { pino } from 'pino'
import { createAlertService } from '../alerts/alert-service'
import { readRulesConfigFile } from '../alerts/rules-config-file'
import type { Config } from '../config/config'
import { importRecording } from '../replay/import-recording'
import { openStore } from '../store/open-store'
import { CliError } from './cli-error'

/**
 * `ioc import <file.ndjson>`: a recording into the store through the live pipeline (alerts included),
 * with a progress bar. Run it with the server stopped: the import runs its own rules engine, which
 * continues from (and saves) the engine state the server would use.
 */
export async function importCommand(config: Config, file: string): Promise<void> {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new CliError(`cannot read ${file}`)
  }
  const network = loadNetwork()
  const rules = readRulesConfigFile(config.alerts.rulesConfigPath, network)
  const store = await openStore(config)
  const logger = pino({ level: 'silent' })
  const alerts = await createAlertService({
    store,
    network,
    rules,
    config: config.alerts,
    logger,
    emit: { alertChanged: () => {}, silenceChanged: () => {} },
  })
  const input = createReadStream(file)
  const bar = new SingleBar({
    format:
      'importing |{bar}| {percentage}% | {lines} lines, {accepted} stored, {duplicates} duplicates, {refused} refused',
    hideCursor: true,
  })
  bar.start(size, 0, { lines: 0, accepted: 0, duplicates: 0, refused: 0 })
  try {
    const report = await importRecording(createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }), {
      index: indexNetwork(network),
      ingest: (batch) => alerts.ingest(batch),
      onBatch: (r) => bar.update(input.bytesRead, { ...r }),
    })
    bar.update(size, { ...report })
    bar.stop()
    process.stdout.write(
      `${report.lines} lines: ${report.accepted} observations stored, ${report.duplicates} already stored, ${report.refused} refused\n`,
    )
    for (const i of report.issues) process.stdout.write(`  line ${i.line}, ${i.field}: ${i.message}\n`)
    if (report.refused > report.issues.length)
      process.stdout.write(`  … and ${report.refused - report.issues.length} more refused lines\n`)
    if (report.refused) process.exitCode = 1
  } finally {
    bar.stop()
    await alerts.close()
    await store.close()
  }
}
