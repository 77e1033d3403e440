import { normalizeTrackingCode } from '@ioc/citizen'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { useFormatters } from '../hooks/use-formatters'
import { fetchReportStatus, type Open311Request } from './open311-client'

/** How often an open report's page asks again, so an answer shows without a reload. */
const REFRESH_MS = 30_000

/** `/report/<code>`: the status of a report and the operator's answer, as anyone may see them. */
export function ReportStatusPage() {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const params = useParams()
  const location = useLocation()
  const navigate = useNavigate()
  // The thanks shows once: the history entry forgets it, so a reload or a shared link shows the status only.
  const [justSent] = useState(() => (location.state as { justSent?: boolean } | null)?.justSent === true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival.
  useEffect(() => {
    if (justSent) navigate(location.pathname, { replace: true, state: null })
  }, [])
  const code = normalizeTrackingCode(params.code ?? '')
  const [request, setRequest] = useState<Open311Request | null | undefined>(undefined)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!code) return
    const aborted = new AbortController()
    const load = () =>
      fetchReportStatus(code, aborted.signal).then(
        (r) => {
          setRequest(r)
          setFailed(false)
        },
        () => !aborted.signal.aborted && setFailed(true),
      )
    void load()
    const timer = setInterval(load, REFRESH_MS)
    return () => {
      aborted.abort()
      clearInterval(timer)
    }
  }, [code])

  if (!code) return <p className="citizen-problem">{t('citizen.badCode')}</p>
  return (
    <section className="citizen-status" aria-live="polite">
      {justSent && (
        <div className="citizen-thanks">
          <h1>{t('citizen.thanks')}</h1>
          <p>{t('citizen.keepCode')}</p>
        </div>
      )}
      <p className="citizen-code">
        {t('citizen.code')} <strong data-testid="tracking-code">{code}</strong>
      </p>
      {failed && <p className="citizen-problem">{t('citizen.offline')}</p>}
      {request === null && <p className="citizen-problem">{t('citizen.unknownCode')}</p>}
      {request && (
        <dl className="citizen-facts">
          <dt>{t('citizen.what')}</dt>
          <dd>{t(`citizen.category.${request.service_code}`)}</dd>
          <dt>{t('citizen.statusLabel')}</dt>
          <dd className={`citizen-state citizen-state-${request.ioc_status}`} data-testid="report-status">
            {t(`citizen.state.${request.ioc_status}`)}
          </dd>
          <dt>{t('citizen.where')}</dt>
          <dd>{request.address}</dd>
          <dt>{t('citizen.sentAt')}</dt>
          <dd>
            {f.date(Date.parse(request.requested_datetime))} {f.time(Date.parse(request.requested_datetime))}
          </dd>
          <dt>{t('citizen.answer')}</dt>
          <dd className="citizen-answer" data-testid="report-answer">
            {request.status_notes ?? t('citizen.noAnswer')}
          </dd>
        </dl>
      )}
      <a className="citizen-again" href="/report">
        {t('citizen.another')}
      </a>
    </section>
  )
}
