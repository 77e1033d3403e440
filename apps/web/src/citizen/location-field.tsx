import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'

// The map engine is the heaviest part: fetched only when the citizen asks for the map.
const MapPicker = lazy(() => import('./map-picker'))

/** Where: the phone's position, or a tap on the offline map. */
export function LocationField({
  value,
  onChange,
}: {
  value: [number, number] | null
  onChange: (at: [number, number]) => void
}) {
  const { t } = useTranslation()
  const [locating, setLocating] = useState(false)
  const [gpsProblem, setGpsProblem] = useState(false)
  const [showMap, setShowMap] = useState(false)

  const locateByGps = () => {
    setLocating(true)
    setGpsProblem(false)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false)
        onChange([p.coords.longitude, p.coords.latitude])
      },
      () => {
        setLocating(false)
        setGpsProblem(true)
        setShowMap(true)
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    )
  }

  return (
    <fieldset className="citizen-location">
      <legend>{t('citizen.where')}</legend>
      <div className="citizen-location-buttons">
        <button type="button" onClick={locateByGps} disabled={locating}>
          {locating ? t('citizen.locating') : t('citizen.useGps')}
        </button>
        <button type="button" onClick={() => setShowMap(true)} aria-pressed={showMap}>
          {t('citizen.useMap')}
        </button>
      </div>
      {gpsProblem && <p className="citizen-problem">{t('citizen.gpsFailed')}</p>}
      <p className="citizen-location-value" data-testid="citizen-location">
        {value
          ? t('citizen.locationSet', { lat: value[1].toFixed(5), lon: value[0].toFixed(5) })
          : t('citizen.noLocation')}
      </p>
      {showMap && (
        <Suspense fallback={<p>{t('citizen.mapLoading')}</p>}>
          <MapPicker value={value} onPick={onChange} />
        </Suspense>
      )}
    </fieldset>
  )
}
