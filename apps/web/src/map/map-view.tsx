import type { Layer, PickingInfo } from '@deck.gl/core'
import { MapboxOverlay } from '@deck.gl/mapbox'
import type { NetworkGeoJson } from '@ioc/domain'
import { type GeoJSONSource, Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { useEffect, useRef } from 'react'
import { buildBaseStyle, ROADS_SOURCE } from './base-style'
import type { MapTheme } from './map-theme'

// Without its worker URL maplibre 6 cannot start its workers in a Vite build and the map stays blank.
setWorkerUrl(workerUrl)

/** The 19 urban districts, where the road network and most flood points are. */
const URBAN_BOUNDS: [number, number, number, number] = [106.6, 10.7, 106.84, 10.88]

export interface MapHandle {
  map: MaplibreMap
  overlay: MapboxOverlay
}

export type TooltipFn = (info: PickingInfo) => { text: string; style?: Partial<CSSStyleDeclaration> } | null

export interface MapViewProps {
  theme: MapTheme
  network: NetworkGeoJson
  layers: Layer[]
  getTooltip: TooltipFn
  /** Text and line scale for a large wall; 1 on a desk. */
  scale: number
  /** Wall displays are not touched: no controls, no scroll zoom. */
  interactive: boolean
  /** A click on the map, with what deck.gl picked under it. */
  onClick?: (info: PickingInfo) => void
}

/** Maplibre draws the offline base map; deck.gl draws the live layers above it (not interleaved). */
export function MapView({ theme, network, layers, getTooltip, scale, interactive, onClick }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const overlayRef = useRef<MapboxOverlay | null>(null)

  useEffect(() => {
    if (!container.current) return
    const map = new MaplibreMap({
      container: container.current,
      style: buildBaseStyle({ theme, origin: location.origin, textScale: scale }),
      bounds: URBAN_BOUNDS,
      interactive,
      attributionControl: { compact: !interactive },
    })
    // Street names come from the network the live layers use, so names and coloured lines always match.
    map.once('load', () =>
      (map.getSource(ROADS_SOURCE) as GeoJSONSource | undefined)?.setData(
        network.segments as unknown as GeoJSON.FeatureCollection,
      ),
    )
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] })
    map.addControl(overlay)
    overlayRef.current = overlay
    // Browser tests and devtools reach the map through its element; `data-idle` counts finished renders.
    const element: HTMLDivElement & { iocMap?: MapHandle } = container.current
    element.iocMap = { map, overlay }
    let renders = 0
    map.on('idle', () => {
      element.dataset.idle = String(++renders)
    })
    return () => {
      overlayRef.current = null
      map.remove()
    }
  }, [theme, scale, interactive, network])

  useEffect(() => {
    overlayRef.current?.setProps({ layers, getTooltip, ...(onClick && { onClick }) })
  })

  return <div ref={container} className="map-view" data-testid="map" />
}
