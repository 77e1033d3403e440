import { ALARM_LEVELS, type AlarmLevel } from '@ioc/domain'
import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import { gaugeAt, type NetworkIndex } from '../state/network-index'
import { changedCount, type GaugeLevels, NO_WHAT_IF, parseDecimal, type WhatIf } from './what-if-override'

type Texts = Record<string, string>

export interface WhatIfPanelProps {
  index: NetworkIndex
  /** The what-if the replay runs now. */
  current: WhatIf
  onApply: (w: WhatIf) => void
}

/**
 * Thresholds to try: báo động I/II/III per gauge (m) and the congestion ratios (% of free flow). An
 * empty field keeps the configured value; applying restarts the replay at the same time with them.
 */
export function WhatIfPanel({ index, current, onApply }: WhatIfPanelProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const gauges = useMemo(
    () =>
      index.gaugeIdx.flatMap((i) => {
        const g = gaugeAt(index, i)
        return g ? [g] : []
      }),
    [index],
  )
  const [texts, setTexts] = useState<Texts>(() => textsOf(current))
  const set = (key: string, value: string) => setTexts((x) => ({ ...x, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(whatIfOf(texts))
  }
  const inForce = changedCount(current)

  return (
    <form className="what-if" onSubmit={submit} aria-label={t('replay.whatIf.title')}>
      <p className="muted">{t('replay.whatIf.hint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('replay.whatIf.gauge')}</th>
            {ALARM_LEVELS.map((l) => (
              <th key={l} scope="col">
                {t('chart.alarmLevel', { level: l })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gauges.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.name}</th>
              {ALARM_LEVELS.map((l) => {
                const configured = g.alarmLevelsM[l]
                return (
                  <td key={l}>
                    <input
                      inputMode="decimal"
                      size={5}
                      aria-label={`${g.name} ${t('chart.alarmLevel', { level: l })} (m)`}
                      placeholder={configured === null ? '–' : f.number(configured, 2)}
                      value={texts[`${g.id}.${l}`] ?? ''}
                      onChange={(e) => set(`${g.id}.${l}`, e.target.value)}
                    />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>{t('replay.whatIf.congestion')}</legend>
        <label>
          {t('replay.whatIf.warningBelow')}{' '}
          <input
            inputMode="decimal"
            size={4}
            value={texts.warningBelowRatio ?? ''}
            onChange={(e) => set('warningBelowRatio', e.target.value)}
          />{' '}
          %
        </label>
        <label>
          {t('replay.whatIf.majorBelow')}{' '}
          <input
            inputMode="decimal"
            size={4}
            value={texts.majorBelowRatio ?? ''}
            onChange={(e) => set('majorBelowRatio', e.target.value)}
          />{' '}
          %
        </label>
      </fieldset>
      <div className="what-if-actions">
        <button type="submit" className="primary">
          {t('replay.whatIf.apply')}
        </button>
        <button
          type="button"
          disabled={inForce === 0}
          onClick={() => {
            setTexts({})
            onApply(NO_WHAT_IF)
          }}
        >
          {t('replay.whatIf.clear')}
        </button>
      </div>
      {inForce > 0 && <p className="what-if-in-force">{t('replay.whatIf.inForce', { count: inForce })}</p>}
    </form>
  )
}

function whatIfOf(texts: Texts): WhatIf {
  const gauges: Record<string, GaugeLevels> = {}
  const congestion: WhatIf['congestion'] = {}
  for (const [key, text] of Object.entries(texts)) {
    const v = parseDecimal(text)
    if (v === undefined) continue
    if (key === 'warningBelowRatio' || key === 'majorBelowRatio') congestion[key] = v / 100
    else {
      const [id, level] = key.split('.') as [string, AlarmLevel]
      gauges[id] = { ...gauges[id], [level]: v }
    }
  }
  return { gauges, congestion }
}

function textsOf(w: WhatIf): Texts {
  const texts: Texts = {}
  for (const [id, levels] of Object.entries(w.gauges))
    for (const [level, v] of Object.entries(levels)) texts[`${id}.${level}`] = String(v)
  for (const [key, v] of Object.entries(w.congestion)) if (v !== undefined) texts[key] = String(v * 100)
  return texts
}
