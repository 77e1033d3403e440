import { PathLayer } from '@deck.gl/layers'
import type { NetworkGeoJson } from '@ioc/domain'
import type { LiveState } from '../state/live-state'
import { type NetworkIndex, roadClassRank } from '../state/network-index'
import { speedRatioColor } from './colors'

export type SegmentFeature = NetworkGeoJson['segments']['features'][number]

export const SEGMENT_LAYER_ID = 'segment-speed'

/** Line width in CSS pixels by road class rank (ramps … motorway), before the wall's scale. */
const WIDTH_PX = [1.2, 1.6, 2.2, 3, 4, 5]

export interface SegmentSpeedLayerProps {
  index: NetworkIndex
  state: LiveState
  /** `state.trafficVersion`: recolours the segments without touching their geometry. */
  trafficVersion: number
  /** 1 on a desk, larger on a 4K wall so lines stay visible from across the room. */
  scale: number
}

export function segmentSpeedLayer({
  index,
  state,
  trafficVersion,
  scale,
}: SegmentSpeedLayerProps): PathLayer<SegmentFeature> {
  return new PathLayer<SegmentFeature>({
    id: SEGMENT_LAYER_ID,
    data: index.network.segments.features,
    getPath: (f) => f.geometry.coordinates as [number, number][],
    // Feature id is the segment's index in the live columns (NetworkGeoJson contract).
    getColor: (f) => speedRatioColor((state.speedKph[f.id] as number) / (index.freeFlowKph[f.id] as number)),
    getWidth: (f) => WIDTH_PX[roadClassRank(f.properties.roadClass)] ?? 1,
    widthUnits: 'pixels',
    widthScale: scale,
    widthMinPixels: 1,
    capRounded: true,
    jointRounded: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    updateTriggers: { getColor: trafficVersion },
  })
}
