import type Database from 'better-sqlite3'
import { type Migration, pendingMigrations } from '../migration-plan'

/**
 * Versioned schema changes, applied in order, each in its own transaction. Append new versions;
 * never edit one that has shipped.
 */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
      -- WITHOUT ROWID: the primary key is the table, so the idempotency key costs no extra index, and a
      -- subject's history is contiguous on disk. The time index carries the key columns, so it also
      -- orders by (observed_at, subject, source) for paging a time range.
      CREATE TABLE traffic (
        subject TEXT NOT NULL,
        observed_at INTEGER NOT NULL,
        source TEXT NOT NULL,
        speed_kph REAL NOT NULL,
        flow_vph REAL,
        occupancy_pct REAL,
        PRIMARY KEY (subject, observed_at, source)
      ) WITHOUT ROWID;
      CREATE INDEX traffic_by_time ON traffic (observed_at);

      CREATE TABLE water (
        subject TEXT NOT NULL,
        observed_at INTEGER NOT NULL,
        source TEXT NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (subject, observed_at, source)
      ) WITHOUT ROWID;
      CREATE INDEX water_by_time ON water (observed_at);

      CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users (name),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );

      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE UNIQUE INDEX tokens_active_name ON tokens (kind, name) WHERE revoked_at IS NULL;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        origin TEXT NOT NULL,
        reason TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 2,
    sql: `
      -- Observations keyed time first, by integer ids. Keyed by subject, every row of a 5,000-row batch
      -- lands on its own B-tree page, so a commit rewrote thousands of pages for a few hundred KB of data
      -- (~40k rows/s once a table holds a million rows). Keyed by time, a batch appends at the right edge.
      -- A subject's history is read from subject_readings, which the store fills from
      -- subject_readings_pending in large sorted runs, so each page it touches takes many rows at once.
      ALTER TABLE traffic RENAME TO traffic_v1;
      ALTER TABLE water RENAME TO water_v1;

      CREATE TABLE subjects (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (type, name)
      );
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );
      INSERT INTO subjects (type, name) SELECT DISTINCT 'traffic', subject FROM traffic_v1 ORDER BY 2;
      INSERT INTO subjects (type, name) SELECT DISTINCT 'water', subject FROM water_v1 ORDER BY 2;
      INSERT INTO sources (name) SELECT source FROM traffic_v1 UNION SELECT source FROM water_v1 ORDER BY 1;

      CREATE TABLE traffic (
        observed_at INTEGER NOT NULL,
        subject INTEGER NOT NULL,
        source INTEGER NOT NULL,
        speed_kph REAL NOT NULL,
        flow_vph REAL,
        occupancy_pct REAL,
        PRIMARY KEY (observed_at, subject, source)
      ) WITHOUT ROWID;
      CREATE TABLE water (
        observed_at INTEGER NOT NULL,
        subject INTEGER NOT NULL,
        source INTEGER NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (observed_at, subject, source)
      ) WITHOUT ROWID;
      -- The charted value of every observation by subject: speed for traffic, level or depth for water.
      CREATE TABLE subject_readings (
        subject INTEGER NOT NULL,
        observed_at INTEGER NOT NULL,
        source INTEGER NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (subject, observed_at, source)
      ) WITHOUT ROWID;
      -- Readings not yet in subject_readings, in insertion order (rowid), so appends stay at one edge.
      CREATE TABLE subject_readings_pending (
        subject INTEGER NOT NULL,
        observed_at INTEGER NOT NULL,
        source INTEGER NOT NULL,
        value REAL NOT NULL
      );

      INSERT INTO traffic
        SELECT o.observed_at, s.id, src.id, o.speed_kph, o.flow_vph, o.occupancy_pct
        FROM traffic_v1 o JOIN subjects s ON s.type = 'traffic' AND s.name = o.subject
        JOIN sources src ON src.name = o.source;
      INSERT INTO water
        SELECT o.observed_at, s.id, src.id, o.value
        FROM water_v1 o JOIN subjects s ON s.type = 'water' AND s.name = o.subject
        JOIN sources src ON src.name = o.source;
      INSERT INTO subject_readings
        SELECT subject, observed_at, source, speed_kph FROM traffic
        UNION ALL SELECT subject, observed_at, source, value FROM water
        ORDER BY 1, 2, 3;
      DROP TABLE traffic_v1;
      DROP TABLE water_v1;

      -- The database itself queues every stored row for the subject index; a duplicate skipped by
      -- ON CONFLICT DO NOTHING is not inserted, so it fires nothing.
      CREATE TRIGGER traffic_pending_reading AFTER INSERT ON traffic BEGIN
        INSERT INTO subject_readings_pending VALUES (NEW.subject, NEW.observed_at, NEW.source, NEW.speed_kph);
      END;
      CREATE TRIGGER water_pending_reading AFTER INSERT ON water BEGIN
        INSERT INTO subject_readings_pending VALUES (NEW.subject, NEW.observed_at, NEW.source, NEW.value);
      END;
    `,
  },
  {
    version: 3,
    sql: `
      -- Rollups of every subject's charted value (speed, level, depth) in 5-minute and 1-hour cells, for
      -- long-range history and reports. bucket is the cell's start, epoch ms; mean is total / n; last is
      -- the reading with the greatest (observed_at, source). Filled in the subject index run, in the same
      -- transaction that moves the pending readings into subject_readings (sqlite-rollups.ts).
      CREATE TABLE rollups_5m (
        subject INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,
        total REAL NOT NULL,
        lo REAL NOT NULL,
        hi REAL NOT NULL,
        last_at INTEGER NOT NULL,
        last_source INTEGER NOT NULL,
        last_value REAL NOT NULL,
        PRIMARY KEY (subject, bucket)
      ) WITHOUT ROWID;
      CREATE TABLE rollups_1h (
        subject INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,
        total REAL NOT NULL,
        lo REAL NOT NULL,
        hi REAL NOT NULL,
        last_at INTEGER NOT NULL,
        last_source INTEGER NOT NULL,
        last_value REAL NOT NULL,
        PRIMARY KEY (subject, bucket)
      ) WITHOUT ROWID;
      -- Raw readings observed before kept_from were dropped by retention (null: every reading is kept).
      CREATE TABLE raw_retention (kept_from INTEGER);
      INSERT INTO raw_retention VALUES (NULL);

      -- The readings already indexed; the pending ones are rolled up by the next index run.
      INSERT INTO rollups_5m
        SELECT subject, observed_at - ((observed_at % 300000) + 300000) % 300000 AS bucket, COUNT(*),
          SUM(value), MIN(value), MAX(value), MAX(observed_at), 0, 0
        FROM subject_readings GROUP BY subject, bucket;
      INSERT INTO rollups_1h
        SELECT subject, observed_at - ((observed_at % 3600000) + 3600000) % 3600000 AS bucket, COUNT(*),
          SUM(value), MIN(value), MAX(value), MAX(observed_at), 0, 0
        FROM subject_readings GROUP BY subject, bucket;
      UPDATE rollups_5m SET (last_source, last_value) = (SELECT source, value FROM subject_readings r
        WHERE r.subject = rollups_5m.subject AND r.observed_at = rollups_5m.last_at ORDER BY source DESC LIMIT 1);
      UPDATE rollups_1h SET (last_source, last_value) = (SELECT source, value FROM subject_readings r
        WHERE r.subject = rollups_1h.subject AND r.observed_at = rollups_1h.last_at ORDER BY source DESC LIMIT 1);
    `,
  },
  {
    version: 10,
    sql: `
      -- Alerts: the whole Alert as JSON in doc, with the columns queries and guards need beside it.
      -- version counts writes, so an action applies only to the alert as it was read.
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        raised_at INTEGER NOT NULL,
        active INTEGER NOT NULL,
        ack_by TEXT,
        resolved_at INTEGER,
        silenced INTEGER NOT NULL,
        escalated_at INTEGER,
        -- Server clock when it became critical, for escalation; null while not critical.
        critical_since INTEGER,
        version INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      -- The engine holds one open alert per key.
      CREATE UNIQUE INDEX alerts_one_open_per_key ON alerts (key) WHERE active = 1 AND resolved_at IS NULL;
      CREATE INDEX alerts_by_key ON alerts (key, active);
      CREATE INDEX alerts_by_raised ON alerts (raised_at);
      CREATE INDEX alerts_unresolved ON alerts (resolved_at, critical_since);

      CREATE TABLE alert_transitions (
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        origin TEXT NOT NULL,
        note TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (alert_id, seq)
      ) WITHOUT ROWID;
      CREATE TRIGGER alert_transitions_no_update BEFORE UPDATE ON alert_transitions
        BEGIN SELECT RAISE(ABORT, 'the alert audit trail is append-only'); END;
      CREATE TRIGGER alert_transitions_no_delete BEFORE DELETE ON alert_transitions
        BEGIN SELECT RAISE(ABORT, 'the alert audit trail is append-only'); END;

      CREATE TABLE silences (
        id TEXT PRIMARY KEY,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        until INTEGER NOT NULL,
        cancelled_at INTEGER
      );
      CREATE INDEX silences_by_subject ON silences (subject_type, subject_id);

      CREATE TABLE webhook_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        url TEXT NOT NULL,
        reason TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        at INTEGER NOT NULL,
        status INTEGER,
        ok INTEGER NOT NULL,
        error TEXT,
        duration_ms REAL NOT NULL
      );
      CREATE INDEX webhook_deliveries_by_alert ON webhook_deliveries (alert_id);

      -- The rules engine's state, one row per subject ('station' / 'segment') plus ('meta', '').
      CREATE TABLE rules_state (
        scope TEXT NOT NULL,
        id TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (scope, id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    sql: `
      -- An alert keeps what raised it (cause) and the most severe reading it reached (peak) beside its
      -- current value; alerts stored before this version take both from their audit trail.
      UPDATE alerts SET doc = json_set(doc,
        '$.cause', json(COALESCE(
          (SELECT json_object('severity', json_extract(t.details, '$.severity'),
              'value', json_extract(t.details, '$.value'), 'threshold', json_extract(t.details, '$.threshold'),
              'at', t.at)
           FROM alert_transitions t WHERE t.alert_id = alerts.id AND t.action = 'raised' ORDER BY t.seq LIMIT 1),
          json_object('severity', json_extract(doc, '$.severity'), 'value', json_extract(doc, '$.value'),
            'threshold', json_extract(doc, '$.threshold'), 'at', json_extract(doc, '$.raisedAt')))),
        '$.peak', json(COALESCE(
          (SELECT json_object('severity', json_extract(t.details, '$.severity'),
              'value', json_extract(t.details, '$.value'), 'threshold', json_extract(t.details, '$.threshold'),
              'at', t.at)
           FROM alert_transitions t
           WHERE t.alert_id = alerts.id AND t.action IN ('raised', 'severity-changed')
           ORDER BY CASE json_extract(t.details, '$.severity')
             WHEN 'critical' THEN 3 WHEN 'major' THEN 2 WHEN 'minor' THEN 1 ELSE 0 END DESC, t.seq
           LIMIT 1),
          json_object('severity', json_extract(doc, '$.severity'), 'value', json_extract(doc, '$.value'),
            'threshold', json_extract(doc, '$.threshold'), 'at', json_extract(doc, '$.raisedAt')))))
      WHERE json_extract(doc, '$.cause') IS NULL;
    `,
  },
  {
    version: 20,
    sql: `
      -- Analysts' bookmarks of time ranges. search is title and notes folded to lower case without
      -- diacritics (incident-store.ts foldForSearch), so "trieu cuong" finds "Triều cường".
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        notes TEXT NOT NULL,
        from_ms INTEGER NOT NULL,
        to_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        search TEXT NOT NULL
      );
      CREATE INDEX incidents_by_created ON incidents (created_at);
    `,
  },
  {
    version: 30,
    sql: `
      -- Feed messages that could not be ingested (MQTT), kept with the reason; payload cut at 64 KiB.
      CREATE TABLE dead_letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        topic TEXT NOT NULL,
        payload TEXT NOT NULL,
        payload_bytes INTEGER NOT NULL,
        reason TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 50,
    sql: `
      -- Operational incidents (alerts grouped by cause, packages/incidents), stored as their JSON
      -- documents; not the replay's bookmarks in "incidents". Their trail is append-only, like the
      -- alerts'. Handovers keep the incidents open at the end of a shift as they were then.
      CREATE TABLE operational_incidents (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX operational_incidents_by_opened ON operational_incidents (status, opened_at);

      CREATE TABLE operational_incident_events (
        incident_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        at INTEGER NOT NULL,
        by_user TEXT NOT NULL,
        origin TEXT NOT NULL,
        note TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (incident_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX operational_incident_events_by_at ON operational_incident_events (at);
      CREATE TRIGGER operational_incident_events_no_update BEFORE UPDATE ON operational_incident_events
        BEGIN SELECT RAISE(ABORT, 'the incident trail is append-only'); END;
      CREATE TRIGGER operational_incident_events_no_delete BEFORE DELETE ON operational_incident_events
        BEGIN SELECT RAISE(ABORT, 'the incident trail is append-only'); END;

      CREATE TABLE shift_handovers (
        id TEXT PRIMARY KEY,
        from_ms INTEGER NOT NULL,
        to_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX shift_handovers_by_created ON shift_handovers (created_at);
    `,
  },
  {
    version: 60,
    sql: `
      -- Public warnings (CAP 1.2 messages): each stored whole as JSON (domain PublicWarning), with the
      -- columns its queries need. A published message never changes; later ones reference it.
      CREATE TABLE public_warnings (
        id TEXT PRIMARY KEY,
        alert_id TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        published_at INTEGER,
        doc TEXT NOT NULL
      );
      CREATE INDEX public_warnings_by_alert ON public_warnings (alert_id);
      CREATE INDEX public_warnings_by_state ON public_warnings (state, created_at);
      -- One draft awaiting a duty officer per alert: two instances planning at once cannot both add one.
      CREATE UNIQUE INDEX public_warnings_one_pending ON public_warnings (alert_id) WHERE state = 'pending';
    `,
  },
  {
    version: 70,
    sql: `
      -- Citizen reports (phản ánh): the domain's CitizenReport as JSON, with the queried columns beside
      -- it. No sender address or device is kept. The photo (re-encoded JPEG, no EXIF) sits in its own
      -- table so that lists never read it, committed with its report.
      CREATE TABLE citizen_reports (
        code TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX citizen_reports_by_created ON citizen_reports (created_at);
      CREATE TABLE citizen_report_photos (
        code TEXT PRIMARY KEY REFERENCES citizen_reports (code),
        jpeg BLOB NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL
      );
    `,
  },
  {
    version: 80,
    sql: `
      -- The partitioned rules engine's checkpoints (docs/scaling-out.md, "Partitioned engine"): per
      -- partition, the fencing token of the owner that claimed it last, the cursor in its Redis stream
      -- and the engine-wide part of the state (null before its first engine turn); beside it, each of
      -- the partition's subjects' engine state. A turn writes them with its alerts in one transaction,
      -- only while its token is the row's.
      CREATE TABLE partition_checkpoints (
        partition INTEGER PRIMARY KEY CHECK (partition >= 0 AND partition < 64),
        token INTEGER NOT NULL,
        stream_cursor TEXT NOT NULL,
        meta TEXT
      );
      CREATE TABLE partition_state (
        partition INTEGER NOT NULL REFERENCES partition_checkpoints (partition),
        scope TEXT NOT NULL,
        id TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (partition, scope, id)
      );
    `,
  },
  {
    version: 81,
    sql: `
      -- When each of a partition's segments was last read, and from which sources, moved with the cursor
      -- every turn: a segment's state row is rewritten only when its congestion state changes.
      ALTER TABLE partition_checkpoints ADD COLUMN read_times TEXT;
    `,
  },
]

export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version))

/**
 * Brings the database to the latest schema version (or to `upTo`, for tests of a migration); returns
 * the versions it applied.
 */
export function migrate(db: Database.Database, upTo = LATEST_SCHEMA_VERSION): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  )
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const applied: number[] = []
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
  for (const m of pendingMigrations(MIGRATIONS, done).filter((m) => m.version <= upTo)) {
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.version, Date.now())
    })()
    applied.push(m.version)
  }
  return applied
}
