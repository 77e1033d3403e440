import { type CitizenReport, type CitizenReportAction, can, type Role } from '@ioc/domain'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { answer, createApiClient } from '../api/api-client'

type Action = CitizenReportAction

/**
 * What the signed-in user may do to a report: operators verify, merge and reject; duty officers also
 * answer and resolve (domain permissions). Each button calls the staff API, which audits it.
 */
export function CitizenReportActions({
  report,
  role,
  duplicates,
  onDone,
}: {
  report: CitizenReport
  role: Role
  duplicates: readonly string[]
  onDone: (r: CitizenReport) => void
}) {
  const { t } = useTranslation()
  const api = useMemo(() => createApiClient(null), [])
  const [reason, setReason] = useState('')
  const [text, setText] = useState(report.answer ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const user = { kind: 'user' as const, name: '', role }
  const triage = can(user, 'citizen:triage')
  const answers = can(user, 'citizen:answer')
  const open = report.status === 'new' || report.status === 'verified'

  const call = (a: Action) => {
    const params = { path: { code: report.code } }
    switch (a.kind) {
      case 'verify':
        return api.POST('/api/v1/citizen-reports/{code}/verify', { params, body: {} })
      case 'resolve':
        return api.POST('/api/v1/citizen-reports/{code}/resolve', { params, body: {} })
      case 'reject':
        return api.POST('/api/v1/citizen-reports/{code}/reject', { params, body: { reason: a.reason } })
      case 'merge':
        return api.POST('/api/v1/citizen-reports/{code}/merge', { params, body: { into: a.into } })
      case 'answer':
        return api.POST('/api/v1/citizen-reports/{code}/answer', { params, body: { text: a.text } })
    }
  }
  const run = async (a: Action) => {
    setBusy(true)
    setProblem(null)
    try {
      // The server checks the permission and the report's status again.
      onDone(await answer(call(a)))
    } catch (err) {
      setProblem((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="citizen-actions">
      {triage && report.status === 'new' && (
        <button type="button" disabled={busy} onClick={() => void run({ kind: 'verify' })}>
          {t('citizenDesk.verify')}
        </button>
      )}
      {triage &&
        open &&
        duplicates.map((code) => (
          <button
            key={code}
            type="button"
            disabled={busy}
            onClick={() => void run({ kind: 'merge', into: code })}
          >
            {t('citizenDesk.merge', { code })}
          </button>
        ))}
      {triage && open && (
        <form
          className="citizen-action-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run({ kind: 'reject', reason })
          }}
        >
          <label>
            {t('citizenDesk.rejectReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <button type="submit" disabled={busy || !reason.trim()}>
            {t('citizenDesk.reject')}
          </button>
        </form>
      )}
      {answers && report.status !== 'merged' && (
        <form
          className="citizen-action-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run({ kind: 'answer', text })
          }}
        >
          <label>
            {t('citizenDesk.answerText')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} rows={3} />
          </label>
          <button type="submit" disabled={busy || !text.trim()}>
            {t('citizenDesk.send')}
          </button>
        </form>
      )}
      {answers && open && (
        <button type="button" disabled={busy} onClick={() => void run({ kind: 'resolve' })}>
          {t('citizenDesk.resolve')}
        </button>
      )}
      {problem && (
        <p className="citizen-desk-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
