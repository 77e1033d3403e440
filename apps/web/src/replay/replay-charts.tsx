import type { AlertSubject } from '@ioc/domain'
import { lazy, Suspense, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../api/api-client'
import { historyRequest } from '../api/history-request'
import { useApiResource } from '../api/use-api-resource'
import { subjectChartData } from '../console/chart-data'
import { subjectLabel } from '../console/subject-label'
import type { NetworkIndex } from '../state/network-index'
import { addSubject, searchRoads } from './chart-subjects'
import type { TimeRange } from './marker-layout'

const SubjectChart = lazy(() => import('../console/subject-chart'))

/** Enough points for a sharp line across a wide chart; longer ranges come back averaged into buckets. */
const MAX_POINTS = 800

interface ChartProps {
  api: ApiClient
  index: NetworkIndex
  subject: AlertSubject
  range: TimeRange
  cursorMs: number
  onSeek: (ms: number) => void
  onRemove: () => void
}

function ReplayChart({ api, index, subject, range, cursorMs, onSeek, onRemove }: ChartProps) {
  const { t } = useTranslation()
  const history = useApiResource(historyRequest(api, subject, { ...range, maxPoints: MAX_POINTS }))
  const data = useMemo(
    () => (history.data ? subjectChartData(index, subject, history.data) : null),
    [index, subject, history.data],
  )
  const label = subjectLabel(index, subject)
  const name = label?.name || subject.id
  return (
    <figure className="replay-chart">
      <figcaption>
        <strong>{name}</strong> <span className="muted">{label?.district}</span>
        <button
          type="button"
          className="link-button"
          onClick={onRemove}
          aria-label={t('replay.charts.remove', { name })}
        >
          ✕
        </button>
      </figcaption>
      {history.error && <p role="alert">{history.error}</p>}
      {data && data.xs.length === 0 && <p className="muted">{t('console.noHistory')}</p>}
      {data && data.xs.length > 0 && (
        <Suspense fallback={<p className="muted">{t('console.loading')}</p>}>
          <SubjectChart data={data} cursorMs={cursorMs} onPickTime={onSeek} />
        </Suspense>
      )}
    </figure>
  )
}

export interface ReplayChartsProps {
  api: ApiClient
  index: NetworkIndex
  subjects: AlertSubject[]
  onSubjects: (s: AlertSubject[]) => void
  range: TimeRange
  cursorMs: number
  onSeek: (ms: number) => void
}

/** Charts of the chosen gauges and roads over the whole replay range, with the replay clock on them. */
export function ReplayCharts({
  api,
  index,
  subjects,
  onSubjects,
  range,
  cursorMs,
  onSeek,
}: ReplayChartsProps) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const roads = useMemo(() => searchRoads(index, query), [index, query])
  const gauges = useMemo(
    () =>
      index.gaugeIdx.map((i) => {
        const p = index.network.stations.features[i]?.properties
        return { id: p?.id ?? '', name: p?.name ?? '' }
      }),
    [index],
  )
  const add = (s: AlertSubject) => onSubjects(addSubject(subjects, s))
  return (
    <section className="replay-charts" aria-label={t('replay.charts.title')}>
      <div className="chart-picker">
        <label>
          {t('replay.charts.gauge')}{' '}
          <select value="" onChange={(e) => e.target.value && add({ type: 'station', id: e.target.value })}>
            <option value="">{t('replay.charts.chooseGauge')}</option>
            {gauges.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('replay.charts.road')}{' '}
          <input
            type="search"
            value={query}
            placeholder={t('console.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {roads.length > 0 && (
          <ul className="road-choices">
            {roads.map((r) => (
              <li key={r.subject.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    add(r.subject)
                    setQuery('')
                  }}
                >
                  {r.name} <span className="muted">{r.district}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('replay.charts.hint')}</p>
      </div>
      {subjects.map((s) => (
        <ReplayChart
          key={`${s.type}:${s.id}`}
          api={api}
          index={index}
          subject={s}
          range={range}
          cursorMs={cursorMs}
          onSeek={onSeek}
          onRemove={() => onSubjects(subjects.filter((x) => x !== s))}
        />
      ))}
    </section>
  )
}
