import type { Layer, PickingInfo } from '@deck.gl/core'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useLive } from '../connection/live-provider'
import { useFormatters } from '../hooks/use-formatters'
import { usePulse } from '../hooks/use-pulse'
import { alertLayers, alertMarkers, needsPulse } from '../layers/alert-layers'
import { floodLayer } from '../layers/flood-layer'
import { gaugeLayers } from '../layers/gauge-layers'
import { incidentMarkers } from '../layers/incident-markers'
import { segmentSpeedLayer } from '../layers/segment-speed-layer'
import { describePick } from '../layers/tooltip'
import type { MapTheme } from './map-theme'
import { MapView } from './map-view'

/** Deck.gl styles its tooltip inline, so ours goes inline too. */
const TOOLTIP_STYLE: Partial<CSSStyleDeclaration> = {
  whiteSpace: 'pre-line',
  font: '500 14px/1.4 system-ui, sans-serif',
  background: 'rgba(10, 16, 24, 0.92)',
  color: '#fff',
  border: '1px solid #26384b',
  borderRadius: '6px',
  padding: '8px 10px',
  maxWidth: '320px',
}

export interface LiveMapProps {
  theme: MapTheme
  scale: number
  interactive: boolean
  /** Drawn over the live speeds and under the water and alerts (the desk's forecast speeds). */
  overlays?: readonly Layer[]
  /** A click on a picked feature (a replay charts it): the layer and the object under the pointer. */
  onPick?: (pick: { layerId: string; object: unknown }) => void
  /** One ring per open incident instead of one per alert (the wall). */
  ringsByIncident?: boolean
}

/** The base map with the live deck.gl layers; each layer recomputes only when its column's version moves. */
export function LiveMap({ theme, scale, interactive, overlays = [], onPick, ringsByIncident }: LiveMapProps) {
  const { index, feed, view } = useLive()
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const { state } = feed
  const { trafficVersion, waterVersion, alerts, incidents } = view

  const markers = useMemo(
    () => (ringsByIncident ? incidentMarkers(index, incidents, alerts) : alertMarkers(index, alerts)),
    [index, alerts, incidents, ringsByIncident],
  )
  const pulsePhase = usePulse(markers.some((m) => needsPulse(m.alert)))

  const segments = useMemo(
    () => segmentSpeedLayer({ index, state, trafficVersion, scale }),
    [index, state, trafficVersion, scale],
  )
  const water = useMemo(
    () => [
      floodLayer({ index, state, waterVersion, scale }),
      ...gaugeLayers({ index, state, waterVersion, formatMetres: f.metres, lang, scale }),
    ],
    [index, state, waterVersion, scale, f, lang],
  )
  const alertsOnMap = alertLayers({ markers, pulsePhase, scale })

  const getTooltip = useCallback(
    (info: PickingInfo) => {
      if (!info.layer || !info.object) return null
      const lines = describePick(
        { layerId: info.layer.id, object: info.object },
        { index, state, t, f, lang, now: Date.now() },
      )
      return lines ? { text: lines.join('\n'), style: TOOLTIP_STYLE } : null
    },
    [index, state, t, f, lang],
  )

  const onClick = useMemo(
    () =>
      onPick &&
      ((info: PickingInfo) => {
        if (info.layer && info.object) onPick({ layerId: info.layer.id, object: info.object })
      }),
    [onPick],
  )

  return (
    <MapView
      theme={theme}
      network={index.network}
      layers={[segments, ...overlays, ...water, ...alertsOnMap]}
      getTooltip={getTooltip}
      scale={scale}
      interactive={interactive}
      {...(onClick && { onClick })}
    />
  )
}
