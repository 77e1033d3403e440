import { createTimeReader, type Observation, subjectIdOf } from '@ioc/domain'
import type Database from 'better-sqlite3'
import type { HistoryStore } from '../history-store'
import { readHistory } from '../read-history'
import { type TrafficRow, trafficFromRow, type WaterRow, waterFromRow } from '../rows/observation-rows'
import type { InsertResult, Store } from '../store'
import { MAX_SOURCES, rollupPendingRun, sqliteRollups } from './sqlite-rollups'

type Kind = Observation['type']

/** A subject's newest stored reading time, epoch ms, and the sources of the readings at it. */
export interface LatestReading {
  atMs: number
  sources: string[]
}

/**
 * Pending readings moved into the subject index at once. Larger runs put more rows on each page they
 * touch (about 36 per segment at 200,000 over the 5,576 segments): on this machine runs of 50,000 held
 * a raw insert to 205k rows/s, runs of 200,000 to 320k. A run takes ~0.2 s, paid by the batch that
 * fills it or by the next read of the index.
 */
export const INDEX_RUN = 200_000

export interface SqliteObservations
  extends Pick<Store, 'latestObservations' | 'history' | 'observationsInRange' | 'countObservations'>,
    HistoryStore {
  /**
   * Gives every subject and source in the batch its integer id. Commits on its own, so it must run
   * before, not inside, the transaction that stores the batch: a rolled-back id would stay cached.
   */
  register(batch: readonly Observation[]): void
  /** Stores a registered batch; run inside a transaction. */
  insertRegistered(batch: readonly Observation[]): InsertResult
  /** Moves pending readings into the subject index when a full run has gathered. */
  indexIfDue(): void
  /** The time of each segment's latest stored reading (epoch ms) and the sources stored at it, by segment id. */
  latestTraffic(): Map<string, LatestReading>
}

/** Observation storage of the SQLite store (schema v2, migrations.ts): time-first rows, integer ids. */
export function sqliteObservations(db: Database.Database): SqliteObservations {
  const ids: Record<Kind, Map<string, number>> = { traffic: new Map(), water: new Map() }
  const names = new Map<number, string>()
  const sourceIds = new Map<string, number>()
  const sourceNames = new Map<number, string>()
  const subjectsAfter = db.prepare('SELECT id, type, name FROM subjects WHERE id > ?')
  const sourcesAfter = db.prepare('SELECT id, name FROM sources WHERE id > ?')
  let lastSubject = 0
  let lastSource = 0
  /** Reads the ids given since the last read, here or by another connection to the same file. */
  function catchUp(): void {
    for (const r of subjectsAfter.all(lastSubject) as SubjectRow[]) {
      ids[r.type].set(r.name, r.id)
      names.set(r.id, r.name)
      lastSubject = Math.max(lastSubject, r.id)
    }
    for (const r of sourcesAfter.all(lastSource) as { id: number; name: string }[]) {
      sourceIds.set(r.name, r.id)
      sourceNames.set(r.id, r.name)
      lastSource = Math.max(lastSource, r.id)
    }
  }
  catchUp()

  const s = {
    addSubject: db.prepare('INSERT INTO subjects (type, name) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    addSource: db.prepare('INSERT INTO sources (name) VALUES (?) ON CONFLICT DO NOTHING'),
    insertTraffic: db.prepare(
      `INSERT INTO traffic (observed_at, subject, source, speed_kph, flow_vph, occupancy_pct)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    insertWater: db.prepare(
      'INSERT INTO water (observed_at, subject, source, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    pendingCount: db.prepare('SELECT COUNT(*) FROM subject_readings_pending').pluck(),
    latestAt: db.prepare(
      `SELECT observed_at AS at, source FROM subject_readings
       WHERE subject = @subject
       AND observed_at = (SELECT MAX(observed_at) FROM subject_readings WHERE subject = @subject)`,
    ),
    trafficLatest: latestOf(db, 'traffic'),
    waterLatest: latestOf(db, 'water'),
    count: db.prepare('SELECT (SELECT COUNT(*) FROM traffic) + (SELECT COUNT(*) FROM water)').pluck(),
    trafficPage: pageOf(db, 'traffic'),
    waterPage: pageOf(db, 'water'),
  }

  let pending = s.pendingCount.get() as number

  // Another connection may have given some of these ids already: its rows are kept, and read back.
  const registerNew = db.transaction((subjects: [Kind, string][], sources: string[]) => {
    for (const [kind, name] of subjects) s.addSubject.run(kind, name)
    for (const name of sources) s.addSource.run(name)
    catchUp()
    // The rollups pack a source id into 16 bits (sqlite-rollups.ts); rolled back, nothing is taken.
    if (lastSource >= MAX_SOURCES) throw new Error(`more than ${MAX_SOURCES - 1} feed sources`)
  })

  const indexPending = pendingIndexRun(db, rollupPendingRun(db))
  const rollups = sqliteRollups(db)

  /**
   * Brings the subject index and the dictionaries up to date, for the queries that read them. Asks the
   * database, not the counter: another connection to the file may have stored readings too.
   */
  function indexAll(): void {
    indexPending()
    pending = 0
    catchUp()
  }

  const need = (map: Map<string, number>, key: string) => {
    const id = map.get(key)
    if (id === undefined) throw new Error(`"${key}" was stored without being registered first`)
    return id
  }
  const known = (map: Map<number, string>, id: number) => {
    let name = map.get(id)
    if (name === undefined) {
      catchUp()
      name = map.get(id)
      if (name === undefined) throw new Error(`observation row refers to id ${id}, which is in no dictionary`)
    }
    return name
  }
  const nameOf = (id: number) => known(names, id)
  const sourceOf = (id: number) => known(sourceNames, id)
  const toTraffic = (r: IdRow<TrafficRow>) =>
    trafficFromRow({ ...r, subject: nameOf(r.subject), source: sourceOf(r.source) })
  const toWater = (r: IdRow<WaterRow>) =>
    waterFromRow({ ...r, subject: nameOf(r.subject), source: sourceOf(r.source) })

  return {
    register(batch) {
      const subjects = new Map<string, [Kind, string]>()
      const sources = new Set<string>()
      for (const o of batch) {
        const name = subjectIdOf(o)
        if (!ids[o.type].has(name)) subjects.set(`${o.type}\u0000${name}`, [o.type, name])
        if (!sourceIds.has(o.source)) sources.add(o.source)
      }
      if (subjects.size || sources.size) registerNew([...subjects.values()], [...sources])
    },

    insertRegistered(batch) {
      const stored: Observation[] = []
      const readTime = createTimeReader()
      for (const o of batch) {
        const at = readTime(o.observedAt)
        const source = need(sourceIds, o.source)
        const changes =
          o.type === 'traffic'
            ? s.insertTraffic.run(
                at,
                need(ids.traffic, o.segmentId),
                source,
                o.speedKph,
                o.flowVph ?? null,
                o.occupancyPct ?? null,
              ).changes
            : s.insertWater.run(at, need(ids.water, o.stationId), source, o.value).changes
        if (changes) stored.push(o)
      }
      pending += stored.length
      return { accepted: stored.length, duplicates: batch.length - stored.length, stored }
    },

    indexIfDue() {
      if (pending >= INDEX_RUN) indexAll()
    },

    latestTraffic() {
      indexAll()
      const out = new Map<string, LatestReading>()
      for (const [name, id] of ids.traffic) {
        const rows = s.latestAt.all({ subject: id }) as { at: number; source: number }[]
        const first = rows[0]
        if (first) out.set(name, { atMs: first.at, sources: rows.map((r) => sourceOf(r.source)) })
      }
      return out
    },

    async latestObservations(atMs = Number.MAX_SAFE_INTEGER) {
      indexAll()
      const bySubject = (a: Observation, b: Observation) => {
        const x = subjectIdOf(a)
        const y = subjectIdOf(b)
        return x < y ? -1 : x > y ? 1 : 0
      }
      const traffic = (s.trafficLatest.all({ atMs }) as IdRow<TrafficRow>[]).map(toTraffic)
      const water = (s.waterLatest.all({ atMs }) as IdRow<WaterRow>[]).map(toWater)
      return [...traffic.sort(bySubject), ...water.sort(bySubject)]
    },

    async history({ type, subjectId, ...q }) {
      indexAll()
      const subject = ids[type].get(subjectId)
      if (subject === undefined) return { bucketMs: null, points: [] }
      return readHistory(q, rollups.historyOf(subject))
    },

    async rollups({ type, subjectId, grainMs, fromMs, toMs }) {
      indexAll()
      const subject = ids[type].get(subjectId)
      return subject === undefined ? [] : rollups.rollupCells(subject, grainMs, fromMs, toMs)
    },

    async dropRawReadings(beforeMs) {
      // Every pending reading goes into the rollups first: none is dropped before it is rolled up.
      indexAll()
      const subjects = [...ids.traffic.values(), ...ids.water.values()]
      return { dropped: await rollups.dropRawBefore(beforeMs, subjects) }
    },

    async rawKeptFromMs() {
      return rollups.rawKeptFromMs()
    },

    async *observationsInRange(fromMs, toMs, pageSize = 5000) {
      const traffic = rowsInRange<IdRow<TrafficRow>>(s.trafficPage, fromMs, toMs, pageSize)
      const water = rowsInRange<IdRow<WaterRow>>(s.waterPage, fromMs, toMs, pageSize)
      let t = traffic.next()
      let w = water.next()
      let page: Observation[] = []
      while (!t.done || !w.done) {
        // Merge the two time-ordered streams; on equal times traffic comes first.
        if (!t.done && (w.done || t.value.observed_at <= w.value.observed_at)) {
          page.push(toTraffic(t.value))
          t = traffic.next()
        } else if (!w.done) {
          page.push(toWater(w.value))
          w = water.next()
        }
        if (page.length === pageSize) {
          yield page
          page = []
        }
      }
      if (page.length) yield page
    },

    async countObservations() {
      return s.count.get() as number
    },
  }
}

/**
 * Moves every pending reading into `subject_readings` in one transaction, sorted by subject so each
 * page it touches takes all of that subject's new rows at once. `alsoFold` runs in the same
 * transaction, after the copy and before the queue is cleared, on the same pending rows (up to rowid
 * `last`): the store rolls them up there.
 */
export function pendingIndexRun(db: Database.Database, alsoFold?: (last: number) => void): () => void {
  const end = db.prepare('SELECT MAX(rowid) FROM subject_readings_pending').pluck()
  const move = db.prepare(
    `INSERT INTO subject_readings SELECT subject, observed_at, source, value
     FROM subject_readings_pending WHERE rowid <= ? ORDER BY subject, observed_at, source`,
  )
  const drop = db.prepare('DELETE FROM subject_readings_pending WHERE rowid <= ?')
  return db.transaction(() => {
    const last = end.get() as number | null
    if (last === null) return
    move.run(last)
    alsoFold?.(last)
    drop.run(last)
  })
}

interface SubjectRow {
  id: number
  type: Kind
  name: string
}

/** A row as stored: subject and source as their integer ids. */
type IdRow<R> = Omit<R, 'subject' | 'source'> & { subject: number; source: number }

type Key = [observedAt: number, subject: number, source: number]

/**
 * The latest row of every subject of the table at or before `@atMs` (on equal times, the highest source
 * id), in one statement: each subject costs two index seeks in SQLite instead of two statements from
 * JavaScript, which made a replay seek over the whole network wait ~110 ms for its snapshot.
 */
const latestOf = (db: Database.Database, table: 'traffic' | 'water') =>
  db.prepare(
    `WITH latest AS MATERIALIZED (
       SELECT s.id AS subject,
         (SELECT MAX(observed_at) FROM subject_readings WHERE subject = s.id AND observed_at <= @atMs) AS at
       FROM subjects s WHERE s.type = '${table}')
     SELECT t.* FROM latest l JOIN ${table} t ON t.observed_at = l.at AND t.subject = l.subject
       AND t.source = (SELECT MAX(source) FROM subject_readings WHERE subject = l.subject AND observed_at = l.at)`,
  )

const pageOf = (db: Database.Database, table: 'traffic' | 'water') =>
  db.prepare(
    `SELECT * FROM ${table}
     WHERE observed_at < ? AND (observed_at, subject, source) > (?, ?, ?)
     ORDER BY observed_at, subject, source LIMIT ?`,
  )

/** Reads one table in key order, a page at a time, so a range of any size takes bounded memory. */
function* rowsInRange<R extends { observed_at: number; subject: number; source: number }>(
  page: Database.Statement,
  fromMs: number,
  toMs: number,
  pageSize: number,
): Generator<R> {
  // Ids start at 1, so (fromMs, 0, 0) sorts before every key at fromMs and after every key before it.
  let after: Key = [fromMs, 0, 0]
  for (;;) {
    const rows = page.all(toMs, ...after, pageSize) as R[]
    yield* rows
    const last = rows.at(-1)
    if (!last || rows.length < pageSize) return
    after = [last.observed_at, last.subject, last.source]
  }
}
