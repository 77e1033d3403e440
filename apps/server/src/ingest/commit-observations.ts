import type { Observation } from '@ioc/domain'
import type { ServerContext } from '../api/context'
import type { InsertResult } from '../store/store'

/**
 * The one commit path of every feed (HTTP, MQTT): stores validated observations and the alerts they
 * cause in one transaction, then hands what was new to the live picture. Resolves once durable.
 */
export async function commitObservations(
  ctx: Pick<ServerContext, 'alerts' | 'hub' | 'metrics'>,
  observations: readonly Observation[],
): Promise<InsertResult> {
  const result = await ctx.alerts.ingest(observations)
  ctx.hub.apply(result.stored)
  let traffic = 0
  for (const o of result.stored) if (o.type === 'traffic') traffic++
  ctx.metrics.observationsStored.inc({ type: 'traffic' }, traffic)
  ctx.metrics.observationsStored.inc({ type: 'water' }, result.stored.length - traffic)
  ctx.metrics.duplicates.inc(result.duplicates)
  return result
}
