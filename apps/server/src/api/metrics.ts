import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export interface Metrics {
  registry: Registry
  observationsStored: Counter<'type'>
  duplicates: Counter
  batchesRejected: Counter<'reason'>
  batchSeconds: Histogram
  deltasSent: Counter
}

/**
 * One registry per server, not prom-client's global one, so several servers can run in one process
 * (the tests do). `liveClients` and `openAlerts` are read when Prometheus scrapes.
 */
export function createMetrics(read: {
  liveClients: () => number
  openAlerts: () => Record<string, number>
}): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  new Gauge({
    name: 'ioc_live_clients',
    help: 'Socket.IO clients connected to the live feed',
    registers: [registry],
    collect() {
      this.set(read.liveClients())
    },
  })
  new Gauge({
    name: 'ioc_alerts_open',
    help: 'Alerts not yet resolved, by severity',
    labelNames: ['severity'],
    registers: [registry],
    collect() {
      for (const [severity, n] of Object.entries(read.openAlerts())) this.set({ severity }, n)
    },
  })
  return {
    registry,
    observationsStored: new Counter({
      name: 'ioc_observations_stored_total',
      help: 'Observations stored by ingest',
      labelNames: ['type'],
      registers: [registry],
    }),
    duplicates: new Counter({
      name: 'ioc_observations_duplicate_total',
      help: 'Observations received again and not stored twice',
      registers: [registry],
    }),
    batchesRejected: new Counter({
      name: 'ioc_ingest_batches_rejected_total',
      help: 'Ingest batches refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    batchSeconds: new Histogram({
      name: 'ioc_ingest_batch_seconds',
      help: 'Time from a batch being read to its durable commit',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    deltasSent: new Counter({
      name: 'ioc_live_deltas_total',
      help: 'state:delta messages sent to the live room',
      registers: [registry],
    }),
  }
}
