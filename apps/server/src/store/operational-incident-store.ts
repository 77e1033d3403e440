import type {
  OperationalIncident,
  OperationalIncidentEvent,
  OperationalIncidentQuery,
  ShiftHandover,
} from '@ioc/domain'

export type NewOperationalIncidentEvent = Omit<OperationalIncidentEvent, 'seq'>

/**
 * Operational incidents (alerts grouped by cause, packages/incidents), their append-only trail, and
 * the duty officers' shift handovers. Not the replay's bookmarks (`IncidentStore`).
 */
export interface OperationalIncidentStore {
  /**
   * Writes the incidents (insert or replace, by id) and appends the events in one transaction; each
   * event gets the next `seq` of its incident. Returns the events as stored.
   */
  saveOperationalIncidents(
    incidents: readonly OperationalIncident[],
    events: readonly NewOperationalIncidentEvent[],
  ): Promise<OperationalIncidentEvent[]>
  getOperationalIncident(id: string): Promise<OperationalIncident | null>
  /**
   * Newest first. `open`: not resolved; `from`: open then or updated since; `to`: opened before.
   */
  listOperationalIncidents(query: OperationalIncidentQuery): Promise<OperationalIncident[]>
  /** Oldest first; of one incident, or of all incidents within `[fromMs, toMs)`. */
  listOperationalIncidentEvents(
    filter: { incidentId: string } | { fromMs: number; toMs: number },
  ): Promise<OperationalIncidentEvent[]>

  createShiftHandover(handover: ShiftHandover): Promise<void>
  getShiftHandover(id: string): Promise<ShiftHandover | null>
  /** Newest first. */
  listShiftHandovers(limit: number): Promise<ShiftHandover[]>
}
