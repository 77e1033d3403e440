import type { ReportSection } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'

/** One district's (or the city's) figures as printable tables. */
export function ReportSectionView({ section, ackTargetS }: { section: ReportSection; ackTargetS: number }) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const secs = (s: number | null) => (s === null ? '–' : f.duration(s * 1000))
  const share = (x: number | null) => (x === null ? '–' : `${f.number(x * 100, 0)} %`)
  const none = <p className="report-none">{t('reports.none')}</p>
  return (
    <section className="report-section">
      <h2>{section.district ?? t('reports.city')}</h2>

      <h3>{t('reports.alerts')}</h3>
      {section.alertCounts.length === 0 ? (
        none
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('reports.kind')}</th>
              <th>{t('reports.severity')}</th>
              <th className="num">{t('reports.count')}</th>
            </tr>
          </thead>
          <tbody>
            {section.alertCounts.map((c) => (
              <tr key={`${c.kind}-${c.severity}`}>
                <td>{t(`alertKind.${c.kind}`)}</td>
                <td>{t(`severity.${c.severity}`)}</td>
                <td className="num">{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('reports.response')}</h3>
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">n</th>
            <th className="num">{t('reports.median')}</th>
            <th className="num">{t('reports.p90')}</th>
          </tr>
        </thead>
        <tbody>
          {(['ack', 'resolve'] as const).map((k) => (
            <tr key={k}>
              <td>{t(`reports.${k}`)}</td>
              <td className="num">{section[k].n}</td>
              <td className="num">{secs(section[k].medianS)}</td>
              <td className="num">{secs(section[k].p90S)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('reports.withinTarget', { target: f.duration(ackTargetS * 1000) })}:{' '}
        <strong>{share(section.ack.withinTargetShare)}</strong>
      </p>

      <h3>{t('reports.citizen')}</h3>
      {section.citizenReports.every((c) => c.count === 0) ? (
        none
      ) : (
        <table className="report-citizen">
          <thead>
            <tr>
              <th>{t('reports.kind')}</th>
              <th className="num">{t('reports.count')}</th>
              <th className="num">{t('reports.firstAnswer')}</th>
              <th className="num">{t('reports.p90')}</th>
              <th className="num">{t('reports.resolve')}</th>
              <th className="num">{t('reports.p90')}</th>
            </tr>
          </thead>
          <tbody>
            {section.citizenReports
              .filter((c) => c.count > 0)
              .map((c) => (
                <tr key={c.category}>
                  <td>{t(`citizen.category.${c.category}`)}</td>
                  <td className="num">{c.count}</td>
                  <td className="num">{secs(c.firstAnswer.medianS)}</td>
                  <td className="num">{secs(c.firstAnswer.p90S)}</td>
                  <td className="num">{secs(c.resolve.medianS)}</td>
                  <td className="num">{secs(c.resolve.p90S)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}

      <h3>{t('reports.congestion')}</h3>
      {section.congestion.length === 0 ? (
        none
      ) : (
        <HoursTable
          rows={section.congestion.map((c) => ({ id: c.segmentId, name: c.name, hours: c.hours }))}
        />
      )}
      <h3>{t('reports.floods')}</h3>
      {section.floods.length === 0 ? (
        none
      ) : (
        <HoursTable rows={section.floods.map((c) => ({ id: c.stationId, name: c.name, hours: c.hours }))} />
      )}

      <h3>{t('reports.gauges')}</h3>
      {section.gauges.length === 0 ? (
        none
      ) : (
        <table>
          <thead>
            <tr>
              <th />
              <th className="num">{t('reports.peak')}</th>
              <th>{t('chart.time')}</th>
              <th>{t('reports.reached')}</th>
            </tr>
          </thead>
          <tbody>
            {section.gauges.map((g) => (
              <tr key={g.stationId}>
                <td>{g.name}</td>
                <td className="num">{g.maxM === null ? '–' : f.metres(g.maxM)}</td>
                <td>{g.maxAt === null ? '–' : `${f.date(g.maxAt)} ${f.time(g.maxAt)}`}</td>
                <td>{g.reached ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('reports.skill')}</h3>
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">{t('reports.verified')}</th>
            <th className="num">{t('reports.missed')}</th>
            <th className="num">{t('reports.far')}</th>
            <th className="num">{t('reports.events')}</th>
            <th className="num">{t('reports.pod')}</th>
          </tr>
        </thead>
        <tbody>
          {section.forecastSkill.map((k) => (
            <tr key={k.kind}>
              <td>{t(`alertKind.${k.kind}`)}</td>
              <td className="num">{k.verified}</td>
              <td className="num">{k.missed}</td>
              <td className="num">{share(k.far)}</td>
              <td className="num">{k.events}</td>
              <td className="num">{share(k.pod)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('opsIncidents.title')}</h3>
      <p>
        {t('reports.incidents', { opened: section.incidents.opened, resolved: section.incidents.resolved })}
      </p>
      {section.incidents.steps.length === 0 ? (
        none
      ) : (
        <table aria-label={t('opsIncidents.checklist')}>
          <thead>
            <tr>
              <th>{t('opsIncidents.checklist')}</th>
              <th className="num">{t('reports.stepShown')}</th>
              <th className="num">{t('reports.stepTicked')}</th>
            </tr>
          </thead>
          <tbody>
            {section.incidents.steps.map((st) => (
              <tr key={`${st.procedureId}/${st.stepId}`}>
                <td>{st.text[lang]}</td>
                <td className="num">{st.shown}</td>
                <td className="num">{st.ticked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function HoursTable({ rows }: { rows: { id: string; name: string; hours: number }[] }) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  return (
    <table>
      <thead>
        <tr>
          <th />
          <th className="num">{t('reports.hours')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td title={r.id}>{r.name}</td>
            <td className="num">{f.number(r.hours, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
