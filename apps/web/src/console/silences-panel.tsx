import type { AlertSubject, NewSilence } from '@ioc/domain'
import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiRequestError, answer, done } from '../api/api-client'
import type { IocSocket } from '../connection/live-feed'
import { useFormatters } from '../hooks/use-formatters'
import { useNow } from '../hooks/use-now'
import type { NetworkIndex } from '../state/network-index'
import { subjectLabel } from './subject-label'
import { useSilences } from './use-silences'

/** Maintenance windows a duty officer typically needs, minutes. */
const DURATIONS_MIN = [30, 60, 120, 240, 480, 1440] as const

const subjectKey = (s: AlertSubject) => `${s.type}:${s.id}`

function subjectText(index: NetworkIndex, s: AlertSubject): string {
  const l = subjectLabel(index, s)
  return l ? `${l.name || s.id} (${l.district})` : s.id
}

export interface SilencesPanelProps {
  api: ApiClient
  /** Brings the silences other officers set or lift. */
  socket: IocSocket
  index: NetworkIndex
  /** The opened alert's subject, offered first (the only way to pick a road segment). */
  preset: AlertSubject | null
}

/** Silences in force, a form to add one, and a button to lift each early. */
export function SilencesPanel({ api, socket, index, preset }: SilencesPanelProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const now = useNow(30_000)
  const list = useSilences(api, socket)
  const [error, setError] = useState<string | null>(null)
  const nameOf = (s: AlertSubject) => subjectText(index, s)

  // Stations by name; the preset first when it is a segment, which the list does not hold.
  const subjects = useMemo(() => {
    const stations = index.network.stations.features
      .map((s): AlertSubject => ({ type: 'station', id: s.properties.id }))
      .sort((a, b) => subjectText(index, a).localeCompare(subjectText(index, b), 'vi'))
    return preset?.type === 'segment' ? [preset, ...stations] : stations
  }, [index, preset])
  const [subject, setSubject] = useState(preset ? subjectKey(preset) : '')
  const [reason, setReason] = useState('')
  const [minutes, setMinutes] = useState<number>(120)

  const inForce = (list.data ?? []).filter((s) => s.cancelledAt === null && s.until > now)

  async function run(request: () => Promise<unknown>): Promise<boolean> {
    setError(null)
    try {
      await request()
      list.reload()
      return true
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : t('console.error.network'))
      return false
    }
  }

  async function create(e: FormEvent) {
    e.preventDefault()
    const chosen = subjects.find((s) => subjectKey(s) === subject)
    if (!chosen || !reason.trim()) return
    const body: NewSilence = { subject: chosen, reason: reason.trim(), until: Date.now() + minutes * 60_000 }
    if (await run(() => answer(api.POST('/api/v1/silences', { body })))) setReason('')
  }

  return (
    <section className="silences" aria-labelledby="silences-title">
      <h2 id="silences-title" tabIndex={-1}>
        {t('console.silences')}
      </h2>
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
      {inForce.length === 0 ? (
        <p className="muted">{list.error ?? (list.data ? t('console.noSilences') : t('console.loading'))}</p>
      ) : (
        <ul className="silence-list">
          {inForce.map((s) => (
            <li key={s.id}>
              <strong>{nameOf(s.subject)}</strong>
              <span>{s.reason}</span>
              <span className="muted">
                {t('console.silenceUntil', {
                  time: `${f.date(s.until)} ${f.time(s.until)}`,
                  by: s.createdBy,
                })}
              </span>
              <button
                type="button"
                onClick={() =>
                  void run(() =>
                    done(api.DELETE('/api/v1/silences/{id}', { params: { path: { id: s.id } } })),
                  )
                }
              >
                {t('console.lift')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} aria-label={t('console.newSilence')}>
        <h3>{t('console.newSilence')}</h3>
        <label>
          {t('console.subject')}
          <select value={subject} required onChange={(e) => setSubject(e.target.value)}>
            <option value="">{t('console.chooseSubject')}</option>
            {subjects.map((s) => (
              <option key={subjectKey(s)} value={subjectKey(s)}>
                {nameOf(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.reason')}
          <input value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label>
          {t('console.duration')}
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {DURATIONS_MIN.map((m) => (
              <option key={m} value={m}>
                {f.duration(m * 60_000)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!subject || !reason.trim()}>
          {t('console.createSilence')}
        </button>
      </form>
    </section>
  )
}
