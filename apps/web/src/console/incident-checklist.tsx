import type { IncidentProcedure } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'

export interface IncidentChecklistProps {
  procedures: readonly IncidentProcedure[]
  /** Ticks or unticks a step; resolves false when the server refused. */
  onTick(procedureId: string, stepId: string, done: boolean): Promise<boolean>
}

/** The standard operating procedures the incident's alerts call for, each step ticked by someone or not. */
export function IncidentChecklist({ procedures, onTick }: IncidentChecklistProps) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const steps = procedures.flatMap((p) => p.steps)
  return (
    <div className="incident-checklist">
      <p className="muted">
        {t('opsIncidents.checklistDone', { done: steps.filter((s) => s.tick).length, total: steps.length })}
      </p>
      {procedures.map((p) => (
        <fieldset key={p.procedureId}>
          <legend>{p.title[lang]}</legend>
          {p.steps.map((s) => (
            <label key={s.id} className="checkbox checklist-step">
              <input
                type="checkbox"
                checked={s.tick !== null}
                onChange={(e) => void onTick(p.procedureId, s.id, e.target.checked)}
              />
              <span>{s.text[lang]}</span>
              {s.tick && (
                <span className="muted step-tick">
                  {t('opsIncidents.tickedBy', { by: s.tick.by, time: f.time(s.tick.at) })}
                </span>
              )}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  )
}
