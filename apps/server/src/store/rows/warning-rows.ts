import { PublicWarning } from '@ioc/domain'

/** A warning is stored whole as JSON, with the columns its queries need beside it. */
export interface WarningRow {
  doc: string
}

export const warningColumns = (w: PublicWarning) => ({
  id: w.id,
  alertId: w.alertId,
  state: w.state,
  createdAt: w.createdAt,
  publishedAt: w.publishedAt,
  doc: JSON.stringify(w),
})

export const toWarning = (r: WarningRow): PublicWarning => PublicWarning.parse(JSON.parse(r.doc))

/** Thrown inside a transaction to roll it back when a draft to supersede was decided meanwhile. */
export class NotPending extends Error {}
