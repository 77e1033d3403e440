import { readFileSync } from 'node:fs'
import type { Network } from '@ioc/domain'
import type { TideTransfer } from '@ioc/forecast'
import { z } from 'zod'
import { ConfigError } from '../config/config'

const TransferPriors = z.object({
  /** Where the numbers come from; required so a prior is never a magic number. */
  source: z.string().min(1),
  transfers: z.record(
    z.string(),
    z.object({ lagMin: z.number().int().min(0).max(720), gain: z.number().positive(), offsetM: z.number() }),
  ),
})

/** Reads the prior transfers at start; a bad file or an unknown gauge stops the server with the reason. */
export function readTransferPriors(path: string, network: Network): Map<string, TideTransfer> {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new ConfigError(`FORECAST_TRANSFER_PRIORS=${path}: ${(err as Error).message}`)
  }
  const parsed = TransferPriors.safeParse(json)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`FORECAST_TRANSFER_PRIORS=${path}: invalid priors:\n${lines.join('\n')}`)
  }
  const gauges = new Set(network.stations.filter((s) => s.kind === 'tide-gauge').map((s) => s.id))
  for (const id of Object.keys(parsed.data.transfers)) {
    if (!gauges.has(id))
      throw new ConfigError(
        `FORECAST_TRANSFER_PRIORS=${path}: transfers.${id}: not a tide gauge of the network`,
      )
  }
  return new Map(Object.entries(parsed.data.transfers))
}
