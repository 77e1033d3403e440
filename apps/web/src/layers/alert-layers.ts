import { ScatterplotLayer } from '@deck.gl/layers'
import type { Alert, LonLat } from '@ioc/domain'
import { isUnacknowledged } from '../state/alert-list'
import { type NetworkIndex, subjectPosition } from '../state/network-index'
import { SEVERITY_COLORS } from './colors'

export interface AlertMarker {
  alert: Alert
  position: LonLat
}

export const ALERT_LAYER_ID = 'alerts'

/**
 * Whether an alert earns a ring on the map: only while its condition holds (a cleared alert waiting for
 * its acknowledgement belongs to the console, not the map), and not for plain congestion, which the
 * road's own colour already shows; rings on hundreds of slow roads at rush hour would hide the floods.
 */
export function isMarked(a: Alert): boolean {
  return a.active && !(a.kind === 'congestion' && a.severity === 'warning')
}

export function alertMarkers(index: NetworkIndex, alerts: readonly Alert[]): AlertMarker[] {
  return alerts.flatMap((alert) => {
    if (!isMarked(alert)) return []
    const position = subjectPosition(index, alert.subject)
    return position ? [{ alert, position }] : []
  })
}

export function needsPulse(a: Alert): boolean {
  return a.severity === 'critical' && a.active && isUnacknowledged(a)
}

export interface AlertLayersProps {
  markers: AlertMarker[]
  /** 0…1, advanced by an animation frame loop only while some marker pulses. */
  pulsePhase: number
  scale: number
}

/**
 * A ring per open alert, and for unacknowledged critical ones an expanding, fading halo. The halo
 * animates through `radiusScale` and `opacity`, uniforms that change no attribute, so pulsing costs
 * nothing per marker.
 */
export function alertLayers({
  markers,
  pulsePhase,
  scale,
}: AlertLayersProps): ScatterplotLayer<AlertMarker>[] {
  return [
    new ScatterplotLayer<AlertMarker>({
      id: `${ALERT_LAYER_ID}-pulse`,
      data: markers.filter((m) => needsPulse(m.alert)),
      getPosition: (m) => m.position,
      getFillColor: SEVERITY_COLORS.critical,
      getRadius: 14,
      radiusUnits: 'pixels',
      radiusScale: scale * (1 + 2 * pulsePhase),
      opacity: 0.6 * (1 - pulsePhase),
    }),
    new ScatterplotLayer<AlertMarker>({
      id: ALERT_LAYER_ID,
      data: markers,
      getPosition: (m) => m.position,
      getLineColor: (m) => SEVERITY_COLORS[m.alert.severity],
      getFillColor: [0, 0, 0, 0],
      getRadius: 16,
      radiusUnits: 'pixels',
      radiusScale: scale,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (m) => (m.alert.ack ? 2 : 4),
      pickable: true,
    }),
  ]
}
