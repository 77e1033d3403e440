import { PathLayer } from '@deck.gl/layers'
import type { TrafficForecast } from '@ioc/domain'
import { speedRatioColor } from '../layers/colors'
import type { NetworkIndex } from '../state/network-index'

export const FORECAST_SPEED_LAYER_ID = 'forecast-speed'

interface ForecastedSegment {
  path: [number, number][]
  ratio: number
}

/** The forecast segments recoloured by forecast speed / free flow, drawn over the live speeds, a little wider. */
export function forecastSpeedLayer(
  index: NetworkIndex,
  forecast: TrafficForecast,
  scale: number,
): PathLayer<ForecastedSegment> {
  const features = index.network.segments.features
  const data = forecast.segmentIdx.flatMap((i, k): ForecastedSegment[] => {
    const feature = features[i]
    if (!feature) return []
    const ratio = (forecast.speedKph[k] as number) / (index.freeFlowKph[i] as number)
    return [{ path: feature.geometry.coordinates as [number, number][], ratio }]
  })
  return new PathLayer<ForecastedSegment>({
    id: FORECAST_SPEED_LAYER_ID,
    data,
    getPath: (s) => s.path,
    getColor: (s) => speedRatioColor(s.ratio),
    getWidth: 5,
    widthUnits: 'pixels',
    widthScale: scale,
    capRounded: true,
    jointRounded: true,
  })
}
