import type { Incident } from '@ioc/domain'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fromLocalInput, toLocalInput } from './hcmc-time'
import type { TimeRange } from './marker-layout'
import { PRESETS, type PresetId, presetRange } from './range-presets'

/** The server replays at most 31 days at once (domain `ReplayStartRequest`). */
const MAX_SPAN_MS = 31 * 24 * 3_600_000

export interface RangePickerProps {
  range: TimeRange
  incidents: readonly Incident[]
  onRange: (r: TimeRange) => void
  onIncident: (id: string) => void
}

/** From and to in HCMC time, presets (recent hours, today, yesterday) and the incidents. */
export function RangePicker({ range, incidents, onRange, onIncident }: RangePickerProps) {
  const { t } = useTranslation()
  const [from, setFrom] = useState(toLocalInput(range.from))
  const [to, setTo] = useState(toLocalInput(range.to))
  useEffect(() => {
    setFrom(toLocalInput(range.from))
    setTo(toLocalInput(range.to))
  }, [range])
  const fromMs = fromLocalInput(from)
  const toMs = fromLocalInput(to)
  const problem =
    fromMs === null || toMs === null
      ? 'replay.range.incomplete'
      : fromMs >= toMs
        ? 'replay.range.order'
        : toMs - fromMs > MAX_SPAN_MS
          ? 'replay.range.tooLong'
          : null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!problem && fromMs !== null && toMs !== null) onRange({ from: fromMs, to: toMs })
  }
  const choose = (value: string) => {
    if (value.startsWith('incident:')) onIncident(value.slice('incident:'.length))
    else if ((PRESETS as readonly string[]).includes(value))
      onRange(presetRange(value as PresetId, Date.now()))
  }

  return (
    <form className="range-picker" onSubmit={submit} aria-label={t('replay.range.title')}>
      <label>
        {t('replay.range.from')}{' '}
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('replay.range.to')}{' '}
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <span className="muted range-zone">{t('replay.range.zone')}</span>
      <button type="submit" disabled={problem !== null}>
        {t('replay.range.load')}
      </button>
      <label>
        <span className="visually-hidden">{t('replay.range.presets')}</span>
        <select value="" onChange={(e) => choose(e.target.value)}>
          <option value="">{t('replay.range.presets')}</option>
          <optgroup label={t('replay.range.recent')}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`replay.preset.${p}`)}
              </option>
            ))}
          </optgroup>
          {incidents.length > 0 && (
            <optgroup label={t('replay.incidents.heading')}>
              {incidents.map((i) => (
                <option key={i.id} value={`incident:${i.id}`}>
                  {i.title}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {problem && <span className="range-problem">{t(problem)}</span>}
    </form>
  )
}
