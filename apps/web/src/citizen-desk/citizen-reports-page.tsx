import { type CitizenReport, can } from '@ioc/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { useAuth } from '../auth/auth-provider'
import { useDeskConnection } from '../connection/desk-connection'
import { useFormatters } from '../hooks/use-formatters'
import { CitizenReportActions } from './citizen-report-actions'
import { useCitizenReports } from './use-citizen-reports'
import './citizen-desk.css'

/** `/citizen`: citizens' reports, newest first, with duplicates suggested; the selected one in full. */
export default function CitizenReportsPage() {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const { user } = useAuth()
  const [show, setShow] = useState<'open' | 'all'>('open')
  const [selected, setSelected] = useState<string | null>(null)
  const allowed = !!user && can({ kind: 'user', ...user }, 'citizen:view')
  const list = useCitizenReports(useDeskConnection(), show, allowed)
  if (!user) return null
  if (!allowed) return <Navigate to="/" replace />
  const reports = list.data?.reports ?? []
  const duplicates = list.data?.duplicates ?? {}
  const current = reports.find((r) => r.code === selected) ?? null

  return (
    <div className="citizen-desk">
      <section className="citizen-desk-list" aria-label={t('citizenDesk.title')}>
        <header>
          <h1>{t('citizenDesk.title')}</h1>
          {(['open', 'all'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={show === s} onClick={() => setShow(s)}>
              {t(`citizenDesk.show.${s}`)}
            </button>
          ))}
        </header>
        {list.error && <p className="citizen-desk-problem">{list.error}</p>}
        {list.data && reports.length === 0 && <p>{t('citizenDesk.empty')}</p>}
        <ul>
          {reports.map((r) => (
            <li key={r.code}>
              <button
                type="button"
                className={`citizen-desk-row citizen-desk-${r.status}`}
                aria-current={r.code === selected}
                onClick={() => setSelected(r.code)}
              >
                <span className="citizen-desk-code">{r.code}</span>
                <span>{t(`citizen.category.${r.category}`)}</span>
                <span>{r.district}</span>
                <span>{f.time(r.createdAt)}</span>
                <span className="citizen-desk-status">{t(`citizenDesk.status.${r.status}`)}</span>
                {duplicates[r.code] && (
                  <span className="citizen-desk-dup">
                    {t('citizenDesk.duplicates', { codes: duplicates[r.code]?.join(', ') })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="citizen-desk-detail">
        {current ? (
          <ReportDetail
            report={current}
            duplicates={duplicates[current.code] ?? []}
            role={user.role}
            onDone={() => list.reload()}
          />
        ) : (
          <p>{t('citizenDesk.pick')}</p>
        )}
      </section>
    </div>
  )
}

function ReportDetail({
  report,
  duplicates,
  role,
  onDone,
}: {
  report: CitizenReport
  duplicates: readonly string[]
  role: NonNullable<ReturnType<typeof useAuth>['user']>['role']
  onDone: (r: CitizenReport) => void
}) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  return (
    <article aria-label={report.code}>
      <h2>
        {t(`citizen.category.${report.category}`)} · {report.district}
        {report.depthCm !== null && ` · ${t('citizenDesk.depth', { cm: report.depthCm })}`}
      </h2>
      <p>
        {report.code} ·{' '}
        {t('citizenDesk.sentAt', { time: `${f.date(report.createdAt)} ${f.time(report.createdAt)}` })} ·{' '}
        {report.via && `${t('citizenDesk.via', { app: report.via })} · `}
        {t(`citizenDesk.status.${report.status}`)} · {report.location[1].toFixed(5)},{' '}
        {report.location[0].toFixed(5)}
      </p>
      {report.hasPhoto && (
        <img
          className="citizen-desk-photo"
          src={`/api/v1/citizen-reports/${report.code}/photo`}
          alt={t('citizenDesk.photo')}
        />
      )}
      <p className="citizen-desk-text">{report.description || t('citizenDesk.noText')}</p>
      {report.stationId && <p>{t('citizenDesk.verifiedInto', { station: report.stationId })}</p>}
      {report.answer && (
        <p className="citizen-desk-answer">{t('citizenDesk.answered', { text: report.answer })}</p>
      )}
      {/* A fresh form per report and per change, so a typed answer never lands on another report. */}
      <CitizenReportActions
        key={`${report.code} ${report.updatedAt}`}
        report={report}
        role={role}
        duplicates={duplicates}
        onDone={onDone}
      />
    </article>
  )
}
