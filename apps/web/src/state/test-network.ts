import { networkToGeoJson } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { indexNetwork, type NetworkIndex } from './network-index'

/** The real HCMC network as `GET /api/v1/network` serves it, indexed; for tests only. */
export function realNetworkIndex(): NetworkIndex {
  return indexNetwork(networkToGeoJson(loadNetwork()))
}
