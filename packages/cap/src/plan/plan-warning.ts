import type { Alert, PublicWarning } from '@ioc/domain'
import { warrantsWarning } from './warning-eligibility'

/** What to do about one alert's public warnings after the alert changed. */
export type WarningPlan =
  | { type: 'none' }
  /** Draft a message; `supersede` are the alert's drafts still pending, which it replaces. */
  | { type: 'draft'; phase: 'warning' | 'all-clear'; msgType: 'Alert' | 'Update'; supersede: string[] }
  /** The hazard passed before anything was published: the pending drafts are dropped, nothing is sent. */
  | { type: 'drop'; supersede: string[] }

/**
 * The next public message for an alert, from the alert as it is now and every warning drafted for it
 * so far (any order). It compares what the public sees, or is about to see once a pending draft is
 * approved, with what the alert warrants:
 *
 * - a hazard with nothing published yet is an `Alert`; a change of level (or of a forecast's crossing
 *   time) once something is published is an `Update` of it;
 * - the end of the hazard is an `Update` with responseType AllClear, not a `Cancel`: CAP 1.2 defines
 *   AllClear as "the subject event no longer poses a threat" and Cancel as cancelling the earlier
 *   message itself, which is what a duty officer's withdrawal of a message sent in error does;
 * - a rejected draft is as if never made, so a later change proposes again; a withdrawn alert
 *   (a published Cancel) is never warned of again.
 */
export function planWarning(alert: Alert, history: readonly PublicWarning[]): WarningPlan {
  const own = [...history].sort((a, b) => a.createdAt - b.createdAt)
  if (own.some((w) => w.state === 'published' && w.phase === 'withdrawn')) return { type: 'none' }
  const published = own.filter((w) => w.state === 'published')
  const pending = own.filter((w) => w.state === 'pending').map((w) => w.id)
  const latest = own.filter((w) => w.state === 'published' || w.state === 'pending').at(-1)
  const msgType = published.length ? 'Update' : 'Alert'

  if (warrantsWarning(alert)) {
    const same =
      latest?.phase === 'warning' &&
      latest.alertSeverity === alert.severity &&
      latest.forecastFor === alert.forecastFor
    return same ? { type: 'none' } : { type: 'draft', phase: 'warning', msgType, supersede: pending }
  }
  if (latest?.phase !== 'warning') return { type: 'none' }
  if (!published.length) return { type: 'drop', supersede: pending }
  return { type: 'draft', phase: 'all-clear', msgType: 'Update', supersede: pending }
}
