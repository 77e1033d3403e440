import type { NetworkIndex } from '@ioc/domain'
import type { RulesConfig } from '@ioc/rules'
import type { Logger } from 'pino'
import type { AlertService } from '../alerts/alert-service'
import type { Audit } from '../auth/audit-log'
import type { CitizenService } from '../citizen/citizen-service'
import type { Config } from '../config/config'
import type { ForecastService } from '../forecast/forecast-service'
import type { IncidentService } from '../incidents/incident-service'
import type { LiveHub } from '../live/live-hub'
import type { Store } from '../store/store'
import type { WarningService } from '../warnings/warning-service'
import type { Metrics } from './metrics'

/** What route handlers need, wired once by the composition root (server.ts). */
export interface ServerContext {
  config: Config
  /** The rules file the engine runs, read once at start. */
  rules: RulesConfig
  store: Store
  index: NetworkIndex
  hub: LiveHub
  alerts: AlertService
  incidents: IncidentService
  forecasts: ForecastService
  warnings: WarningService
  citizen: CitizenService
  audit: Audit
  metrics: Metrics
  logger: Logger
  startedAt: number
}
