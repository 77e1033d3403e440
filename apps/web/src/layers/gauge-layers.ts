import { ScatterplotLayer, TextLayer } from '@deck.gl/layers'
import type { NetworkGeoJson } from '@ioc/domain'
import { alarmStage } from '../state/alarm-stage'
import type { LiveState } from '../state/live-state'
import { gaugeAt, type NetworkIndex } from '../state/network-index'
import { STAGE_COLORS } from './colors'

export type StationFeature = NetworkGeoJson['stations']['features'][number]

export const GAUGE_LAYER_ID = 'gauges'

export interface GaugeLayersProps {
  index: NetworkIndex
  state: LiveState
  waterVersion: number
  /** Formats a level in metres for the current language, e.g. "1,62 m". */
  formatMetres: (m: number) => string
  lang: string
  scale: number
}

function gaugeFeatures(index: NetworkIndex): StationFeature[] {
  return index.gaugeIdx.map((i) => index.network.stations.features[i] as StationFeature)
}

/** River and tide gauges: a disc coloured by báo động stage and the current level printed beside it. */
export function gaugeLayers({
  index,
  state,
  waterVersion,
  formatMetres,
  lang,
  scale,
}: GaugeLayersProps): [ScatterplotLayer<StationFeature>, TextLayer<StationFeature>] {
  const data = gaugeFeatures(index)
  const stage = (f: StationFeature) => {
    const g = gaugeAt(index, f.id)
    const v = state.waterValue[f.id] as number
    return g && !Number.isNaN(v) ? alarmStage(v, g.alarmLevelsM) : 0
  }
  return [
    new ScatterplotLayer<StationFeature>({
      id: GAUGE_LAYER_ID,
      data,
      getPosition: (f) => f.geometry.coordinates,
      getFillColor: (f) => STAGE_COLORS[stage(f)],
      getLineColor: [255, 255, 255, 230],
      getRadius: 9,
      radiusUnits: 'pixels',
      radiusScale: scale,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
      updateTriggers: { getFillColor: waterVersion },
    }),
    new TextLayer<StationFeature>({
      id: `${GAUGE_LAYER_ID}-value`,
      data,
      getPosition: (f) => f.geometry.coordinates,
      getText: (f) => {
        const v = state.waterValue[f.id] as number
        return Number.isNaN(v) ? '–' : formatMetres(v)
      },
      getSize: 15,
      sizeScale: scale,
      getPixelOffset: [14 * scale, 0],
      getTextAnchor: 'start',
      getColor: [255, 255, 255, 255],
      fontFamily: 'system-ui, sans-serif',
      fontWeight: 700,
      characterSet: '0123456789,.-–− m',
      outlineWidth: 4,
      outlineColor: [0, 0, 0, 220],
      fontSettings: { sdf: true },
      updateTriggers: { getText: [waterVersion, lang] },
    }),
  ]
}
