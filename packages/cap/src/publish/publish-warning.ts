import type { CapInfo, PublicWarning, WarningDecision } from '@ioc/domain'
import { referencesTo, type WarningSource } from '../draft/draft-warning'
import { formatCapTime } from '../time/cap-time'

/** An all-clear or a withdrawal stays in readers' lists this long, then expires (CAP `expires`). */
const ENDING_EXPIRES_AFTER_MS = 3_600_000

/**
 * The draft made public at `atMs`: CAP `sent` is the moment of publication, which is when the message
 * originates for its readers, whoever approved it and however long it waited.
 */
export function publishWarning(
  draft: PublicWarning,
  decision: WarningDecision | null,
  atMs: number,
): PublicWarning {
  const ending = draft.phase !== 'warning'
  const info = draft.message.info.map((i) =>
    ending ? { ...i, expires: formatCapTime(atMs + ENDING_EXPIRES_AFTER_MS) } : i,
  )
  return {
    ...draft,
    state: 'published',
    publishedAt: atMs,
    decision,
    message: { ...draft.message, sent: formatCapTime(atMs), info },
  }
}

/**
 * A duty officer's withdrawal of an alert's published messages (sent in error, or no longer to be
 * relied on): a CAP Cancel referencing all of them, published at once, saying why in `description`.
 */
export function withdrawWarning(
  published: readonly PublicWarning[],
  identifier: string,
  decision: WarningDecision,
  source: WarningSource,
): PublicWarning | null {
  const latest = [...published]
    .filter((w) => w.state === 'published')
    .sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0))
    .at(-1)
  if (!latest) return null
  const info: CapInfo[] = latest.message.info.map((i) => {
    const vi = i.language.startsWith('vi')
    return {
      language: i.language,
      category: i.category,
      event: i.event,
      // As in the cancellations of the Google Public Alerts CAP guidelines: over, no threat, no action.
      responseType: ['None'],
      urgency: 'Past',
      severity: 'Unknown',
      certainty: 'Unlikely',
      senderName: i.senderName,
      headline: vi ? `Thu hồi cảnh báo: ${i.headline}` : `Warning withdrawn: ${i.headline}`,
      description: decision.note,
      instruction: vi ? 'Bỏ qua cảnh báo trước đó.' : 'Disregard the earlier warning.',
      area: i.area,
    }
  })
  const draft: PublicWarning = {
    id: identifier,
    alertId: latest.alertId,
    kind: latest.kind,
    phase: 'withdrawn',
    alertSeverity: latest.alertSeverity,
    state: 'pending',
    createdAt: decision.at,
    publishedAt: null,
    decision: null,
    message: {
      ...latest.message,
      identifier,
      sender: source.sender,
      sent: null,
      status: source.status,
      msgType: 'Cancel',
      references: referencesTo(published),
      info,
    },
  }
  return publishWarning(draft, decision, decision.at)
}
