import type { CitizenReport, CitizenReportStatus, Result } from '@ioc/domain'

/** A citizen's photo as stored: re-encoded JPEG without metadata (citizen/process-photo.ts). */
export interface CitizenPhoto {
  jpeg: Buffer
  width: number
  height: number
}

export interface CitizenReportQuery {
  /** Only these statuses; all when left out. */
  statuses?: readonly CitizenReportStatus[]
  /** Epoch ms: fromMs ≤ createdAt < toMs. */
  fromMs?: number
  toMs?: number
  limit: number
}

/** The outcome of a change: the report after it, the change's own refusal, or no such report. */
export type CitizenReportUpdate<E> = Result<CitizenReport, E | 'not_found'>

/** Reports from citizens (phản ánh) and their photos. */
export interface CitizenReportStore {
  /** Stores a report and its photo in one transaction, durably. False when the code is taken. */
  createCitizenReport(report: CitizenReport, photo: CitizenPhoto | null): Promise<boolean>
  getCitizenReport(code: string): Promise<CitizenReport | null>
  getCitizenReportPhoto(code: string): Promise<CitizenPhoto | null>
  /** Newest first. */
  listCitizenReports(query: CitizenReportQuery): Promise<CitizenReport[]>
  /**
   * Reads the report, applies `change` and writes its result, in one transaction (so two operators
   * acting at once see each other's change): `change` returns the next report or refuses.
   */
  updateCitizenReport<E>(
    code: string,
    change: (current: CitizenReport) => Result<CitizenReport, E>,
  ): Promise<CitizenReportUpdate<E>>
}
