import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { formatBacktest, runBacktest } from '@ioc/forecast'
import { congestionLevelsKph, waterReleaseMarginM } from '@ioc/rules'
import { readRulesConfigFile } from '../alerts/rules-config-file'
import { CliError } from '../cli/cli-error'
import type { Config } from '../config/config'
import { openStore } from '../store/open-store'

const HOUR_MS = 3_600_000
/** The backtest's own warm-up (a transfer fit and a week of traffic profiles) and its longest lead. */
const WARMUP_MS = 7 * 24 * HOUR_MS
const LONGEST_LEAD_MS = 6 * HOUR_MS

/**
 * `ioc backtest --from --to`: forecasts every 10 min (water) and 15 min (traffic) of the period from the
 * stored readings before each forecast time only, and prints the skill table against the baselines.
 * Reads the week before `from` too (the models' warm-up) and 6 h after `to` (to score the last forecasts).
 */
export async function backtestCommand(config: Config, o: { from: string; to: string }): Promise<void> {
  const fromMs = Date.parse(o.from)
  const toMs = Date.parse(o.to)
  if (Number.isNaN(fromMs)) throw new CliError(`--from ${o.from}: expected an ISO 8601 time`)
  if (Number.isNaN(toMs)) throw new CliError(`--to ${o.to}: expected an ISO 8601 time`)
  if (fromMs >= toMs) throw new CliError('--from must be before --to')
  const store = await openStore(config)
  const observations: Observation[] = []
  try {
    for await (const page of store.observationsInRange(fromMs - WARMUP_MS, toMs + LONGEST_LEAD_MS))
      observations.push(...page)
  } finally {
    await store.close()
  }
  if (observations.length === 0)
    throw new CliError(
      `no stored observations between ${new Date(fromMs - WARMUP_MS).toISOString()} and ${o.to}`,
    )
  const network = loadNetwork()
  const rules = readRulesConfigFile(config.alerts.rulesConfigPath, network)
  const report = runBacktest(observations, network, {
    fromMs,
    toMs,
    releaseMarginM: (stationId) => waterReleaseMarginM(rules, stationId),
    congestionLine: (segment) => congestionLevelsKph(rules, segment),
  })
  process.stdout.write(`${formatBacktest(report)}\n`)
}
