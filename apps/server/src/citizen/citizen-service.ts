import { randomBytes } from 'node:crypto'
import {
  applyCitizenAction,
  freshCitizenReport,
  nearestFloodSensor,
  suggestDuplicates,
  toPublicCitizenReport,
  trackingCodeFrom,
} from '@ioc/citizen'
import {
  type ApiError,
  type AuditAction,
  type CitizenReport,
  type CitizenReportAction,
  type CitizenReportList,
  type CitizenReportQuery,
  type CitizenReportStatus,
  DEPTH_LEVEL_CM,
  type ErrorCode,
  err,
  type NetworkIndex,
  type NewCitizenReport,
  type Observation,
  type PublicCitizenReport,
  type Result,
} from '@ioc/domain'
import type { District } from '@ioc/fixtures'
import type { Audit } from '../auth/audit-log'
import { indexedItems } from '../ingest/parse-batch'
import { validateBatch } from '../ingest/validate-batch'
import type { CitizenPhoto } from '../store/citizen-report-store'
import type { Store } from '../store/store'
import { createDistrictLocator } from './district-locator'

export type CitizenResult<T> = Result<T, ApiError>
const fail = (code: ErrorCode, message: string) => err<ApiError>({ code, message })

export interface CitizenService {
  /** Stores a validated report (and its processed photo) under a new tracking code. */
  submit(
    input: NewCitizenReport,
    photo: CitizenPhoto | null,
    nowMs: number,
    /** The partner app that sent it (Open311 `api_key`), or null. */
    via: string | null,
  ): Promise<CitizenResult<CitizenReport>>
  /** What anyone may see of a report; a merged one shows the outcome of the one it joined. */
  publicView(code: string): Promise<PublicCitizenReport | null>
  list(query: CitizenReportQuery): Promise<CitizenReportList>
  /** An operator's action, audited; verifying a flood reads it into the nearest flood point's sensor. */
  act(
    code: string,
    action: CitizenReportAction,
    by: string,
    origin: string,
  ): Promise<CitizenResult<CitizenReport>>
}

const AUDIT_ACTION: Record<CitizenReportAction['kind'], AuditAction> = {
  verify: 'citizen-report-verified',
  reject: 'citizen-report-rejected',
  merge: 'citizen-report-merged',
  answer: 'citizen-report-answered',
  resolve: 'citizen-report-resolved',
}

const STATUSES_OF: Record<CitizenReportQuery['status'], readonly CitizenReportStatus[] | undefined> = {
  open: ['new', 'verified'],
  all: undefined,
  new: ['new'],
  verified: ['verified'],
  rejected: ['rejected'],
  merged: ['merged'],
  resolved: ['resolved'],
}

/** Merges of merges are followed this deep for the public view. */
const MERGE_CHAIN_MAX = 5

export function createCitizenService(deps: {
  store: Store
  index: NetworkIndex
  districts: readonly District[]
  audit: Audit
  /** The one commit path of every feed (ingest/commit-observations.ts). */
  commit: (observations: readonly Observation[]) => Promise<unknown>
  /** Tells the staff who may see reports that one arrived or changed (server.ts: the citizen room). */
  changed: (report: CitizenReport) => void
  now?: () => number
}): CitizenService {
  const { store, index, audit } = deps
  const { network } = index
  const now = deps.now ?? Date.now
  const locate = createDistrictLocator(deps.districts, network.stations)

  /** The report a merged one leads to, following merges of merges. */
  const primaryOf = async (r: CitizenReport): Promise<CitizenReport | null> => {
    let current = r
    for (let i = 0; i < MERGE_CHAIN_MAX && current.status === 'merged' && current.mergedInto; i++) {
      const next = await store.getCitizenReport(current.mergedInto)
      if (!next) break
      current = next
    }
    return current === r ? null : current
  }

  /** A verified flood becomes the reading of the nearest flood point's sensor, now, from a citizen source. */
  const feedFlood = async (r: CitizenReport, nowMs: number): Promise<CitizenResult<string | null>> => {
    if (r.category !== 'flood' || r.depthCm === null) return { ok: true, value: null }
    const near = nearestFloodSensor(network, r.location)
    if (!near) return { ok: true, value: null }
    // Now, not when it was sent: the engine takes no reading older than the sensor's last, and the
    // operator who verifies says the street is flooded now.
    const observation = {
      type: 'water',
      stationId: near.station.id,
      observedAt: new Date(nowMs).toISOString(),
      value: Math.min(r.depthCm, near.station.plausible.max),
      source: `citizen:${r.code}`,
    }
    // Stamped now, so inside any ingest horizon.
    const checked = validateBatch(indexedItems([observation]), index, { nowMs, notBeforeMs: nowMs })
    const first = checked.issues[0]
    if (first)
      return fail('invalid_request', `cannot read the report as a reading: ${first.field}: ${first.message}`)
    await deps.commit(checked.observations)
    return { ok: true, value: near.station.id }
  }

  return {
    async submit(input, photo, nowMs, via) {
      const at: [number, number] = [input.long, input.lat]
      const district = locate(at)
      if (!district)
        return fail(
          'invalid_request',
          `lat/long: ${input.lat}, ${input.long} is outside the city (its districts, or within 3 km of a station)`,
        )
      const flood = input.service_code === 'flood'
      const level = flood ? (input['attribute[depth]'] ?? null) : null
      const depthCm = flood ? (input['attribute[depth_cm]'] ?? (level ? DEPTH_LEVEL_CM[level] : null)) : null
      for (let attempt = 0; attempt < 5; attempt++) {
        const report = freshCitizenReport({
          code: trackingCodeFrom(randomBytes(5)),
          category: input.service_code,
          depthCm,
          depthLevel: input['attribute[depth_cm]'] === undefined ? level : null,
          location: at,
          district,
          description: input.description,
          hasPhoto: photo !== null,
          via,
          createdAt: nowMs,
        })
        // 40 random bits: a taken code is a one-in-a-trillion event; draw again rather than fail.
        if (await store.createCitizenReport(report, photo)) {
          deps.changed(report)
          return { ok: true, value: report }
        }
      }
      return fail('internal', 'no free tracking code after 5 draws')
    },

    async publicView(code) {
      const r = await store.getCitizenReport(code)
      return r ? toPublicCitizenReport(r, await primaryOf(r)) : null
    },

    async list(query) {
      const reports = await store.listCitizenReports({
        statuses: STATUSES_OF[query.status],
        limit: query.limit,
      })
      return { reports, duplicates: suggestDuplicates(reports) }
    },

    async act(code, action, by, origin) {
      const current = await store.getCitizenReport(code)
      if (!current) return fail('not_found', `no citizen report "${code}"`)
      const nowMs = now()
      // Checked before anything is fed or written, then again inside the update's transaction.
      const dry = applyCitizenAction(current, action, by, nowMs)
      if (!dry.ok) return fail(dry.error.code, dry.error.message)
      let stationId: string | null = null
      if (action.kind === 'merge') {
        const into = await store.getCitizenReport(action.into)
        if (!into) return fail('not_found', `into: no citizen report "${action.into}"`)
        if (into.status !== 'new' && into.status !== 'verified')
          return fail(
            'conflict',
            `into: report ${action.into} is ${into.status}; merge only into an open report`,
          )
      }
      if (action.kind === 'verify') {
        // Idempotent by its source (citizen:<code>), so a verify that loses a race feeds nothing twice.
        const fed = await feedFlood(current, nowMs)
        if (!fed.ok) return fed
        stationId = fed.value
      }
      const done = await store.updateCitizenReport(code, (r) =>
        applyCitizenAction(r, action, by, nowMs, stationId),
      )
      if (!done.ok)
        return done.error === 'not_found'
          ? fail('not_found', `no citizen report "${code}"`)
          : fail(done.error.code, done.error.message)
      await audit({
        actor: by,
        action: AUDIT_ACTION[action.kind],
        target: code,
        origin,
        reason: auditReason(action, stationId),
      })
      deps.changed(done.value)
      return { ok: true, value: done.value }
    },
  }
}

function auditReason(action: CitizenReportAction, stationId: string | null): string | null {
  switch (action.kind) {
    case 'verify':
      return stationId ? `read into ${stationId}` : null
    case 'reject':
      return action.reason
    case 'merge':
      return `into ${action.into}`
    case 'answer':
      return action.text
    case 'resolve':
      return null
  }
}
