import type { OperationalIncident } from '@ioc/domain'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    eveningIncidents: OperationalIncident[]
  }
}

/**
 * The evening queue (test-alerts.ts) as the server groups it (test-global-setup.ts): the gauges of the
 * tide, and the flood of Huỳnh Tấn Phát with the road through it; for tests only.
 */
export const eveningIncidents = (): OperationalIncident[] => structuredClone(inject('eveningIncidents'))
