import type { PublicWarning, WarningState } from '@ioc/domain'

/** Public warnings (CAP messages) as drafted, decided and published. */
export interface WarningStore {
  /**
   * Stores new warnings and marks the pending ones named in `supersede` superseded, in one transaction.
   * False, with nothing written, when one of those is no longer pending (decided meanwhile): the caller
   * plans again from what is stored.
   */
  addWarnings(add: readonly PublicWarning[], supersede: readonly string[]): Promise<boolean>
  getWarning(id: string): Promise<PublicWarning | null>
  /** Newest first (by publication, else drafting); `alertId` keeps one alert's, in any state. */
  listWarnings(query: { state?: WarningState; alertId?: string; limit: number }): Promise<PublicWarning[]>
  /**
   * Replaces a pending warning by its decided version (published or rejected). False, with nothing
   * written, when it is not pending any more: the loser of a race learns so.
   */
  decideWarning(next: PublicWarning): Promise<boolean>
}
