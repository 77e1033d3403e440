import type { NetworkGeoJson } from '@ioc/domain'
import { inject } from 'vitest'
import { indexNetwork, type NetworkIndex } from './network-index'

declare module 'vitest' {
  export interface ProvidedContext {
    hcmcNetwork: NetworkGeoJson
  }
}

/** The real HCMC network for jsdom component tests (see test-global-setup.ts); for tests only. */
export function providedNetworkIndex(): NetworkIndex {
  return indexNetwork(inject('hcmcNetwork'))
}
