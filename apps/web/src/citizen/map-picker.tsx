import { Map as MaplibreMap, Marker, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { useEffect, useRef } from 'react'
import { buildBaseStyle } from '../map/base-style'

setWorkerUrl(workerUrl)

/** The city centre (Nhà thờ Đức Bà) when nothing is picked yet. */
const CENTRE: [number, number] = [106.699, 10.7798]

/** The offline base map: a tap puts the report there; no live layers, no deck.gl. */
export default function MapPicker({
  value,
  onPick,
}: {
  value: [number, number] | null
  onPick: (at: [number, number]) => void
}) {
  const container = useRef<HTMLDivElement>(null)
  const marker = useRef<Marker | null>(null)
  const pick = useRef(onPick)
  pick.current = onPick

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is made once; `value` only seeds its centre.
  useEffect(() => {
    if (!container.current) return
    const map = new MaplibreMap({
      container: container.current,
      style: buildBaseStyle({ theme: 'light', origin: location.origin }),
      center: value ?? CENTRE,
      // Wide enough to place oneself by districts, rivers and canals: the offline base map has no small streets.
      zoom: 13,
    })
    marker.current = new Marker({ color: '#d6336c' })
    if (value) marker.current.setLngLat(value).addTo(map)
    map.on('click', (e) => {
      const at: [number, number] = [e.lngLat.lng, e.lngLat.lat]
      marker.current?.setLngLat(at).addTo(map)
      pick.current(at)
    })
    let renders = 0
    const element = container.current
    map.on('idle', () => {
      element.dataset.idle = String(++renders)
    })
    return () => map.remove()
  }, [])

  useEffect(() => {
    if (value) marker.current?.setLngLat(value)
  }, [value])

  return <div ref={container} className="citizen-map" data-testid="citizen-map" />
}
