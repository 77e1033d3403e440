import type { Alert, AlertAction } from '@ioc/domain'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface AlertActionFormsProps {
  /** An alert, or an incident as one: acknowledged when nothing is left to acknowledge, active while any is. */
  alert: Pick<Alert, 'ack' | 'assignee' | 'active'>
  /** Duty officers the alert can be assigned to; null while loading. */
  officers: readonly string[] | null
  onAct(action: AlertAction): Promise<boolean>
}

/** Acknowledge, assign and resolve, each with its note; a form clears only once the server accepted it. */
export function AlertActionForms({ alert, officers, onAct }: AlertActionFormsProps) {
  return (
    <div className="action-forms">
      {alert.ack === null && <AckForm onAct={onAct} />}
      <AssignForm alert={alert} officers={officers} onAct={onAct} />
      <ResolveForm alert={alert} onAct={onAct} />
    </div>
  )
}

function AckForm({ onAct }: Pick<AlertActionFormsProps, 'onAct'>) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (await onAct({ type: 'acknowledge', note: note.trim() })) setNote('')
  }
  return (
    <form onSubmit={submit} aria-label={t('console.acknowledge')}>
      <label>
        {t('console.ackNote')}
        <textarea value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" aria-keyshortcuts="A">
        {t('console.acknowledge')}
      </button>
    </form>
  )
}

function AssignForm({ alert, officers, onAct }: AlertActionFormsProps) {
  const { t } = useTranslation()
  const [to, setTo] = useState('')
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (to && (await onAct({ type: 'assign', to }))) setTo('')
  }
  const choices = (officers ?? []).filter((name) => name !== alert.assignee?.to)
  return (
    <form onSubmit={submit} aria-label={t('console.assign')}>
      <label>
        {t('console.assignTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)} disabled={officers === null}>
          <option value="">{officers === null ? t('console.loading') : t('console.chooseOfficer')}</option>
          {choices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!to}>
        {t('console.assign')}
      </button>
    </form>
  )
}

/** An active alert may only be closed by force, with a reason (the `applyOfficerAction` rule of @ioc/alerts). */
function ResolveForm({ alert, onAct }: Pick<AlertActionFormsProps, 'alert' | 'onAct'>) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [force, setForce] = useState(false)
  const hintId = useId()
  const forced = alert.active && force
  const allowed = (!alert.active || force) && note.trim() !== ''
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!allowed) return
    if (await onAct({ type: 'resolve', note: note.trim(), force: forced })) {
      setNote('')
      setForce(false)
    }
  }
  return (
    <form onSubmit={submit} aria-label={t('console.resolve')}>
      {alert.active && (
        <>
          <p id={hintId} className="form-hint">
            {t('console.stillActive')}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            {t('console.force')}
          </label>
        </>
      )}
      <label>
        {forced ? t('console.forceReason') : t('console.resolveNote')}
        <textarea
          value={note}
          required
          maxLength={2000}
          rows={2}
          aria-describedby={alert.active ? hintId : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!allowed}>
        {forced ? t('console.forceResolve') : t('console.resolve')}
      </button>
    </form>
  )
}
