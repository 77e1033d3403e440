import { ScatterplotLayer } from '@deck.gl/layers'
import { depthStage } from '../state/alarm-stage'
import type { LiveState } from '../state/live-state'
import { floodSensorAt, type NetworkIndex } from '../state/network-index'
import { STAGE_COLORS } from './colors'
import type { StationFeature } from './gauge-layers'

export const FLOOD_LAYER_ID = 'flooded-streets'

/** Disc radius in CSS pixels for a depth in cm: 6 px at a wet street, 30 px from 60 cm up. */
export function floodRadiusPx(depthCm: number): number {
  if (!(depthCm > 0)) return 0
  return Math.min(30, 6 + depthCm * 0.4)
}

export interface FloodLayerProps {
  index: NetworkIndex
  state: LiveState
  waterVersion: number
  scale: number
}

/** Street flood sensors reading a depth above zero, sized by depth; dry sensors are not drawn. */
export function floodLayer({
  index,
  state,
  waterVersion,
  scale,
}: FloodLayerProps): ScatterplotLayer<StationFeature> {
  return new ScatterplotLayer<StationFeature>({
    id: FLOOD_LAYER_ID,
    data: index.floodSensorIdx.map((i) => index.network.stations.features[i] as StationFeature),
    getPosition: (f) => f.geometry.coordinates,
    getRadius: (f) => floodRadiusPx(state.waterValue[f.id] as number),
    getFillColor: (f) => {
      const s = floodSensorAt(index, f.id)
      const depth = state.waterValue[f.id] as number
      const [r, g, b] = STAGE_COLORS[s ? depthStage(depth, s.depthLevelsCm) : 0]
      return [r, g, b, 170]
    },
    getLineColor: [255, 255, 255, 200],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    radiusUnits: 'pixels',
    radiusScale: scale,
    pickable: true,
    updateTriggers: { getRadius: waterVersion, getFillColor: waterVersion },
  })
}
