import { type Incident, incidentReplayPath, type NewIncident } from '@ioc/domain'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type ApiClient, ApiRequestError, answer, done } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import { useFormatters } from '../hooks/use-formatters'
import type { TimeRange } from './marker-layout'

export interface IncidentsPanelProps {
  api: ApiClient
  range: TimeRange
  /** Incidents change: the timeline's bookmarks follow. */
  onChanged: () => void
  /** Bumped by the caller when incidents change elsewhere. */
  refreshKey: number
}

/** Bookmark the range with a title and notes; find incidents by words in them and open one. */
export function IncidentsPanel({ api, range, onChanged, refreshKey }: IncidentsPanelProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const [query, setQuery] = useState('')
  const [title, setTitle] = useState('')
  const [notes, setNotes] = useState('')
  const [error, setError] = useState<string | null>(null)
  const q = query.trim()
  const list = useApiResource(
    {
      key: `incidents ${q}`,
      load: (signal) => answer(api.GET('/api/v1/incidents', { params: { query: q ? { q } : {} }, signal })),
    },
    refreshKey,
  )
  const span = (i: { from: number; to: number }) =>
    `${f.date(i.from)} ${f.time(i.from)} – ${f.date(i.to)} ${f.time(i.to)}`

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const body: NewIncident = { title, notes, from: range.from, to: range.to }
    try {
      await answer(api.POST('/api/v1/incidents', { body }))
      setTitle('')
      setNotes('')
      setError(null)
      onChanged()
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : String(err))
    }
  }
  const remove = async (i: Incident) => {
    if (!window.confirm(t('replay.incidents.confirmDelete', { title: i.title }))) return
    await done(api.DELETE('/api/v1/incidents/{id}', { params: { path: { id: i.id } } })).catch(
      () => undefined,
    )
    onChanged()
  }

  return (
    <div className="incidents">
      <form className="incident-form" onSubmit={save} aria-label={t('replay.incidents.bookmark')}>
        <h3>{t('replay.incidents.bookmark')}</h3>
        <p className="muted">{span(range)}</p>
        <label>
          {t('replay.incidents.titleField')}
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('replay.incidents.notes')}
          <textarea rows={3} maxLength={20_000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={title.trim() === ''}>
          {t('replay.incidents.save')}
        </button>
      </form>
      <label className="incident-search">
        {t('replay.incidents.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {list.error && <p role="alert">{list.error}</p>}
      {list.data && list.data.incidents.length === 0 && <p className="muted">{t('replay.incidents.none')}</p>}
      <ul className="incident-list">
        {list.data?.incidents.map((i) => (
          <li key={i.id}>
            <Link to={incidentReplayPath(i.id)}>{i.title}</Link>
            <span className="muted">{span(i)}</span>
            <span className="muted">{t('replay.incidents.by', { by: i.createdBy })}</span>
            {i.notes && <p className="incident-notes">{i.notes}</p>}
            <button type="button" className="link-button" onClick={() => void remove(i)}>
              {t('replay.incidents.delete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
