import { Gauge, type Registry } from 'prom-client'
import type { AlertStore } from '../store/alert-store'

/** `ioc_alerts{kind,severity,state}`, counted from the store when Prometheus scrapes. */
export function registerAlertMetrics(registry: Registry, store: AlertStore): void {
  new Gauge({
    name: 'ioc_alerts',
    help: 'Alerts by kind, severity and state (resolved ones for 24 h after resolution)',
    labelNames: ['kind', 'severity', 'state'],
    registers: [registry],
    async collect() {
      this.reset()
      for (const c of await store.countAlerts())
        this.set({ kind: c.kind, severity: c.severity, state: c.state }, c.count)
    },
  })
}
