import { can, type ShiftHandover } from '@ioc/domain'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { createApiClient } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import { useAuth } from '../auth/auth-provider'
import { useFormatters } from '../hooks/use-formatters'
import { loadHandoverDraft, loadHandovers, saveHandover } from './handover-requests'
import { HandoverView } from './handover-view'
import './handover.css'

const HOUR = 3_600_000

/** `/handover` (duty officers): the note of the shift ending now, printable, and the notes before it. */
export default function HandoverPage() {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const { user } = useAuth()
  const api = useMemo(() => createApiClient(null), [])
  const [hours, setHours] = useState(8)
  const [to] = useState(() => Date.now())
  const from = to - hours * HOUR
  const [note, setNote] = useState('')
  const [shown, setShown] = useState<ShiftHandover | null>(null)
  const [savedEpoch, setSavedEpoch] = useState(0)
  const draft = useApiResource(
    { key: `handover draft ${from} ${to}`, load: (signal) => loadHandoverDraft(api, from, to, signal) },
    savedEpoch,
  )
  const saved = useApiResource({ key: 'handovers', load: (signal) => loadHandovers(api, signal) }, savedEpoch)

  if (!user) return null
  if (!can({ kind: 'user', ...user }, 'alerts:act')) return <Navigate to="/" replace />
  const handover = shown ?? (draft.data ? { ...draft.data, note } : null)

  return (
    <div className="handover-page">
      <div className="handover-controls">
        <h1>{t('opsIncidents.handover.title')}</h1>
        <label>
          {t('opsIncidents.handover.from')}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {[8, 12, 24].map((h) => (
              <option key={h} value={h}>
                {f.time(to - h * HOUR)} ({f.duration(h * HOUR)})
              </option>
            ))}
          </select>
        </label>
        <label className="handover-note-field">
          {t('opsIncidents.handover.note')}
          <textarea value={note} maxLength={20_000} rows={3} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void saveHandover(api, from, to, note).then((h) => {
              setShown(h)
              setSavedEpoch((n) => n + 1)
            })
          }
        >
          {t('opsIncidents.handover.save')}
        </button>
        <button type="button" onClick={() => window.print()} disabled={!handover}>
          {t('opsIncidents.handover.print')}
        </button>
        <h2>{t('opsIncidents.handover.saved')}</h2>
        {saved.data?.handovers.length ? (
          <ul className="handover-list">
            {saved.data.handovers.map((h) => (
              <li key={h.id}>
                <button type="button" className="link-button" onClick={() => setShown(h)}>
                  {f.date(h.to)} {f.time(h.to)} · {h.createdBy}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('opsIncidents.handover.none')}</p>
        )}
      </div>
      {handover ? (
        <HandoverView handover={handover} draft={shown === null} />
      ) : (
        <p className="muted">{draft.error ?? t('console.loading')}</p>
      )}
    </div>
  )
}
