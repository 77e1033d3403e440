import type { CapInfo, PublicWarning } from '@ioc/domain'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiRequestError, answer } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import { useFormatters } from '../hooks/use-formatters'

/** How often the lists are asked again: drafts are made just after their alert changes. */
export const WARNINGS_REFRESH_MS = 10_000

export interface WarningsPanelProps {
  api: ApiClient
  /** Changes when the lists should be asked again (a clock tick, an alert change). */
  refreshKey: unknown
  /** After a decision the server took: whoever counts the drafts asks again. */
  onDecided?: () => void
}

type Decision = 'approve' | 'reject' | 'withdraw'

/** The info block in the reader's language (the server writes vi-VN and en-US). */
function infoOf(w: PublicWarning, lang: string): CapInfo | undefined {
  return w.message.info.find((i) => i.language.startsWith(lang)) ?? w.message.info[0]
}

/**
 * Public warnings (CAP messages): the drafts waiting for a duty officer, to approve or reject with a
 * reason, and the published ones, to read as the public does or to withdraw with a reason.
 */
export function WarningsPanel({ api, refreshKey, onDecided }: WarningsPanelProps) {
  const { t } = useTranslation()
  const pending = useApiResource(
    {
      key: 'warnings pending',
      load: (signal) =>
        answer(api.GET('/api/v1/warnings', { params: { query: { state: 'pending', limit: 100 } }, signal })),
    },
    refreshKey,
  )
  const published = useApiResource(
    {
      key: 'warnings published',
      load: (signal) =>
        answer(api.GET('/api/v1/warnings', { params: { query: { state: 'published', limit: 20 } }, signal })),
    },
    refreshKey,
  )
  const settings = useApiResource({
    key: 'warning settings',
    load: (signal) => answer(api.GET('/api/v1/warnings/settings', { signal })),
  })
  const [error, setError] = useState<string | null>(null)

  async function decide(w: PublicWarning, decision: Decision, note: string): Promise<boolean> {
    setError(null)
    try {
      const params = { path: { id: w.id } }
      if (decision === 'approve')
        await answer(api.POST('/api/v1/warnings/{id}/approve', { params, body: { note } }))
      if (decision === 'reject')
        await answer(api.POST('/api/v1/warnings/{id}/reject', { params, body: { note } }))
      if (decision === 'withdraw')
        await answer(api.POST('/api/v1/warnings/{id}/withdraw', { params, body: { note } }))
      pending.reload()
      published.reload()
      onDecided?.()
      return true
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : t('console.error.network'))
      return false
    }
  }

  const drafts = pending.data?.warnings ?? []
  const sent = published.data?.warnings ?? []
  const auto = Object.entries(settings.data?.publishing ?? {})
    .filter(([, p]) => p === 'auto')
    .map(([kind]) => t(`alertKind.${kind}`))
  return (
    <section className="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title" tabIndex={-1}>
        {t('warnings.title')}
      </h2>
      <p className="muted">
        {auto.length ? t('warnings.autoKinds', { kinds: auto.join(', ') }) : t('warnings.allApproved')}
      </p>
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('warnings.pending', { count: drafts.length })}</h3>
      {drafts.length === 0 ? (
        <p className="muted">
          {pending.error ?? (pending.data ? t('warnings.noPending') : t('console.loading'))}
        </p>
      ) : (
        <ul className="warning-list" aria-label={t('warnings.pendingLabel')}>
          {drafts.map((w) => (
            <WarningItem key={w.id} warning={w} onDecide={decide} />
          ))}
        </ul>
      )}
      <h3>{t('warnings.published')}</h3>
      {sent.length === 0 ? (
        <p className="muted">
          {published.error ?? (published.data ? t('warnings.noPublished') : t('console.loading'))}
        </p>
      ) : (
        <ul className="warning-list" aria-label={t('warnings.publishedLabel')}>
          {sent.map((w) => (
            <WarningItem key={w.id} warning={w} onDecide={decide} />
          ))}
        </ul>
      )}
      <p className="muted">
        <a href="/cap/feed.atom">{t('warnings.feed')}</a>
      </p>
    </section>
  )
}

function WarningItem({
  warning: w,
  onDecide,
}: {
  warning: PublicWarning
  onDecide: (w: PublicWarning, d: Decision, note: string) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const [note, setNote] = useState('')
  const info = infoOf(w, lang)
  const kind = w.phase === 'warning' ? w.message.msgType : w.phase
  const when = w.publishedAt ?? w.createdAt
  const open = w.state === 'pending'
  const withdrawable = w.state === 'published' && w.phase !== 'withdrawn'

  async function submit(e: FormEvent, decision: Decision) {
    e.preventDefault()
    if (await onDecide(w, decision, note.trim())) setNote('')
  }

  return (
    <li className={`warning warning-${w.phase}`}>
      <span className="warning-type">{t(`warnings.type.${kind}`)}</span>
      <strong>{info?.headline}</strong>
      <span className="muted">
        {info?.area.map((a) => a.areaDesc).join('; ')} · {f.date(when)} {f.time(when)}
        {w.decision && w.state !== 'pending' && ` · ${w.decision.by}`}
      </span>
      <p>{info?.description}</p>
      {info && <p className="warning-instruction">{info.instruction}</p>}
      {w.state === 'published' && (
        <a href={`/cap/${w.id}.xml`} target="_blank" rel="noreferrer">
          {t('warnings.capDocument')}
        </a>
      )}
      {(open || withdrawable) && (
        <form onSubmit={(e) => void submit(e, open ? 'reject' : 'withdraw')}>
          <label>
            {open ? t('warnings.rejectReason') : t('warnings.withdrawReason')}
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </label>
          {open && (
            <button type="button" className="primary" onClick={(e) => void submit(e, 'approve')}>
              {t('warnings.approve')}
            </button>
          )}
          <button type="submit" disabled={!note.trim()}>
            {open ? t('warnings.reject') : t('warnings.withdraw')}
          </button>
        </form>
      )}
    </li>
  )
}
