import { type OperationalIncidentEvent, pendingSteps, type ShiftHandover } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { explainIncident } from '../console/incident-explanation'
import { SeverityBadge } from '../console/severity-badge'
import { useFormatters } from '../hooks/use-formatters'
import { sortIncidents, unackedCount } from '../state/incident-list'

/** A handover as it prints: the shift, the note, what is open and pending, what was done. */
export function HandoverView({ handover, draft }: { handover: ShiftHandover; draft: boolean }) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const when = (ms: number) => `${f.date(ms)} ${f.time(ms)}`
  const open = sortIncidents(handover.open)
  const explain = new Map(handover.open.map((i) => [i.id, explainIncident(i, t, lang)]))
  const stepText = (e: OperationalIncidentEvent) =>
    (e.details.text as { vi?: string; en?: string } | undefined)?.[lang] ?? String(e.details.stepId ?? '')
  return (
    <article className="handover" aria-labelledby="handover-title">
      <header>
        <h2 id="handover-title">
          {t('opsIncidents.handover.title')}: {when(handover.from)} – {when(handover.to)}
        </h2>
        <p className="muted">
          {draft
            ? t('opsIncidents.handover.draft')
            : t('opsIncidents.handover.by', { by: handover.createdBy, time: when(handover.createdAt) })}
        </p>
        {handover.note && <p className="handover-note">{handover.note}</p>}
      </header>

      <section aria-labelledby="handover-open">
        <h3 id="handover-open">{t('opsIncidents.handover.open')}</h3>
        {open.length === 0 && <p className="muted">{t('opsIncidents.handover.noneOpen')}</p>}
        <ul className="handover-incidents">
          {open.map((i) => {
            const pending = pendingSteps(i)
            return (
              <li key={i.id}>
                <SeverityBadge severity={i.severity} />
                <div>
                  <strong>{explain.get(i.id)}</strong>
                  <div className="muted">
                    {i.assignee
                      ? t('opsIncidents.assignedTo', { to: i.assignee.to })
                      : t('console.unassigned')}
                  </div>
                  <h4>{t('opsIncidents.handover.pending')}</h4>
                  {pending.length === 0 && unackedCount(i) === 0 ? (
                    <p className="muted">{t('opsIncidents.handover.nonePending')}</p>
                  ) : (
                    <ul className="handover-pending">
                      {unackedCount(i) > 0 && (
                        <li>{t('opsIncidents.handover.unackedAlerts', { count: unackedCount(i) })}</li>
                      )}
                      {pending.map((p) => (
                        <li key={`${p.procedureId}/${p.stepId}`}>{p.text[lang]}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      </section>

      <section aria-labelledby="handover-done">
        <h3 id="handover-done">{t('opsIncidents.handover.done')}</h3>
        {handover.done.length === 0 ? (
          <p className="muted">{t('opsIncidents.handover.nothingDone')}</p>
        ) : (
          <table className="handover-done">
            <tbody>
              {handover.done.map((e) => (
                <tr key={`${e.incidentId}/${e.seq}`}>
                  <td>{when(e.at)}</td>
                  <td>{e.by}</td>
                  <td>{t(`opsIncidents.event.${e.action}`, { to: e.details.to, step: stepText(e) })}</td>
                  <td>{explain.get(e.incidentId) ?? e.incidentId}</td>
                  <td>{e.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  )
}
