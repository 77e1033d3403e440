import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { answer, apiHref, createApiClient } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import { useFormatters } from '../hooks/use-formatters'
import { ForecastSkillSection } from './forecast-skill-section'
import { localDay, reportPeriod } from './report-period'
import { ReportSectionView } from './report-section'
import './reports.css'

const DAY_MS = 86_400_000

/** `/reports` (analysts, admins): a period's operations figures, printable, and as CSV. */
export default function ReportsPage() {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const api = useMemo(() => createApiClient(null), [])
  const [fromDay, setFromDay] = useState(() => localDay(Date.now() - 7 * DAY_MS))
  const [toDay, setToDay] = useState(() => localDay(Date.now()))
  const [asked, setAsked] = useState({ fromDay, toDay })
  const period = reportPeriod(asked.fromDay, asked.toDay)
  const query = { from: String(period.from), to: String(period.to) }
  const report = useApiResource({
    key: `report ${period.from}–${period.to}`,
    load: (signal) => answer(api.GET('/api/v1/reports', { params: { query }, signal })),
  })
  const r = report.data
  // The same whatever the period: the tide forecast judged on the reported levels.
  const skill = useApiResource({
    key: 'forecast-skill',
    load: (signal) => answer(api.GET('/api/v1/forecast-skill', { signal })),
  })
  return (
    <div className="reports-page">
      <form
        className="report-controls"
        onSubmit={(e) => {
          e.preventDefault()
          setAsked({ fromDay, toDay })
        }}
      >
        <label>
          {t('reports.from')}{' '}
          <input type="date" value={fromDay} max={toDay} onChange={(e) => setFromDay(e.target.value)} />
        </label>
        <label>
          {t('reports.to')}{' '}
          <input type="date" value={toDay} min={fromDay} onChange={(e) => setToDay(e.target.value)} />
        </label>
        <button type="submit">{t('reports.show')}</button>
        <button type="button" onClick={() => window.print()} disabled={!r}>
          {t('reports.print')}
        </button>
        <a href={apiHref('/api/v1/reports', { ...query, format: 'csv' })} download>
          {t('reports.csv')}
        </a>
      </form>
      <h1>{t('reports.title')}</h1>
      {report.error && <p role="alert">{report.error}</p>}
      {!r && !report.error && <p>{t('reports.loading')}</p>}
      {r && (
        <>
          <p className="report-period">
            {t('reports.period', {
              from: `${f.date(r.from)} ${f.time(r.from)}`,
              to: `${f.date(r.to)} ${f.time(r.to)}`,
            })}
          </p>
          {r.sections.map((s) => (
            <ReportSectionView key={s.district ?? ''} section={s} ackTargetS={r.ackTargetS} />
          ))}
        </>
      )}
      {skill.error && <p role="alert">{skill.error}</p>}
      {skill.data ? (
        <ForecastSkillSection skill={skill.data} />
      ) : (
        !skill.error && <p>{t('reports.realSkill.loading')}</p>
      )}
    </div>
  )
}
