import type pg from 'pg'
import { type Migration, pendingMigrations } from '../migration-plan'
import { inTransaction } from './pg-pool'

/**
 * Versioned schema changes of the PostgreSQL store, numbered like SQLite's (migration-plan.ts names the
 * ranges). Append new versions; never edit one that has shipped.
 */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
      -- COLLATE "C" orders ids byte-wise, as SQLite does, whatever the database's locale.
      -- The primary key is the idempotency key and serves latest-per-subject (subject, observed_at DESC);
      -- the time index carries the other key columns for keyset paging of a time range.
      CREATE TABLE traffic (
        subject TEXT COLLATE "C" NOT NULL,
        observed_at BIGINT NOT NULL,
        source TEXT COLLATE "C" NOT NULL,
        speed_kph DOUBLE PRECISION NOT NULL,
        flow_vph DOUBLE PRECISION,
        occupancy_pct DOUBLE PRECISION,
        PRIMARY KEY (subject, observed_at, source)
      );
      CREATE INDEX traffic_by_time ON traffic (observed_at, subject, source);

      CREATE TABLE water (
        subject TEXT COLLATE "C" NOT NULL,
        observed_at BIGINT NOT NULL,
        source TEXT COLLATE "C" NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (subject, observed_at, source)
      );
      CREATE INDEX water_by_time ON water (observed_at, subject, source);

      CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users (name),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );

      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE UNIQUE INDEX tokens_active_name ON tokens (kind, name) WHERE revoked_at IS NULL;

      CREATE TABLE audit_log (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        origin TEXT NOT NULL,
        reason TEXT
      );
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 3,
    sql: `
      -- Rollups of every subject's charted value (speed, level, depth) in 5-minute and 1-hour cells, for
      -- long-range history and reports; bucket is the cell's start, epoch ms; mean is total / n; last is
      -- the reading with the greatest (observed_at, source). Kept by the insert statement itself
      -- (postgres-rollups.ts); fillfactor leaves room for the updates to stay heap-only.
      CREATE TABLE rollups_5m (
        type TEXT NOT NULL,
        subject TEXT COLLATE "C" NOT NULL,
        bucket BIGINT NOT NULL,
        n BIGINT NOT NULL,
        total DOUBLE PRECISION NOT NULL,
        lo DOUBLE PRECISION NOT NULL,
        hi DOUBLE PRECISION NOT NULL,
        last_at BIGINT NOT NULL,
        last_source TEXT COLLATE "C" NOT NULL,
        last_value DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (type, subject, bucket)
      ) WITH (fillfactor = 80);
      CREATE TABLE rollups_1h (LIKE rollups_5m INCLUDING ALL) WITH (fillfactor = 80);
      -- Raw readings observed before kept_from were dropped by retention (null: every reading is kept).
      CREATE TABLE raw_retention (kept_from BIGINT);
      INSERT INTO raw_retention VALUES (NULL);

      INSERT INTO rollups_5m
        SELECT DISTINCT ON (type, subject, bucket) type, subject, bucket,
          COUNT(*) OVER w, SUM(v) OVER w, MIN(v) OVER w, MAX(v) OVER w, observed_at, source, v
        FROM (SELECT 'traffic' AS type, subject, observed_at, source, speed_kph AS v,
                observed_at - ((observed_at % 300000) + 300000) % 300000 AS bucket FROM traffic
              UNION ALL SELECT 'water', subject, observed_at, source, value,
                observed_at - ((observed_at % 300000) + 300000) % 300000 FROM water) r
        WINDOW w AS (PARTITION BY type, subject, bucket)
        ORDER BY type, subject, bucket, observed_at DESC, source DESC;
      INSERT INTO rollups_1h
        SELECT DISTINCT ON (type, subject, bucket) type, subject, bucket,
          COUNT(*) OVER w, SUM(v) OVER w, MIN(v) OVER w, MAX(v) OVER w, observed_at, source, v
        FROM (SELECT 'traffic' AS type, subject, observed_at, source, speed_kph AS v,
                observed_at - ((observed_at % 3600000) + 3600000) % 3600000 AS bucket FROM traffic
              UNION ALL SELECT 'water', subject, observed_at, source, value,
                observed_at - ((observed_at % 3600000) + 3600000) % 3600000 FROM water) r
        WINDOW w AS (PARTITION BY type, subject, bucket)
        ORDER BY type, subject, bucket, observed_at DESC, source DESC;
    `,
  },
  {
    version: 10,
    sql: `
      -- Alerts: the whole Alert as JSON in doc, with the columns queries and guards need beside it.
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        raised_at BIGINT NOT NULL,
        active BOOLEAN NOT NULL,
        ack_by TEXT,
        resolved_at BIGINT,
        silenced BOOLEAN NOT NULL,
        escalated_at BIGINT,
        -- Server clock when it became critical, for escalation; null while not critical.
        critical_since BIGINT,
        version INTEGER NOT NULL,
        doc JSONB NOT NULL
      );
      -- One open alert per condition, whichever instance raises it.
      CREATE UNIQUE INDEX alerts_one_open_per_key ON alerts (key) WHERE active AND resolved_at IS NULL;
      CREATE INDEX alerts_by_key ON alerts (key) WHERE active;
      CREATE INDEX alerts_by_raised ON alerts (raised_at);
      CREATE INDEX alerts_unresolved ON alerts (critical_since) WHERE resolved_at IS NULL;

      CREATE TABLE alert_transitions (
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        at BIGINT NOT NULL,
        by TEXT NOT NULL,
        origin TEXT NOT NULL,
        note TEXT NOT NULL,
        details JSONB NOT NULL,
        PRIMARY KEY (alert_id, seq)
      );
      CREATE FUNCTION alert_transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the alert audit trail is append-only'; END $$;
      CREATE TRIGGER alert_transitions_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON alert_transitions
        FOR EACH STATEMENT EXECUTE FUNCTION alert_transitions_append_only();

      CREATE TABLE silences (
        id TEXT PRIMARY KEY,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        until BIGINT NOT NULL,
        cancelled_at BIGINT
      );
      CREATE INDEX silences_by_subject ON silences (subject_type, subject_id);

      CREATE TABLE webhook_deliveries (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        url TEXT NOT NULL,
        reason TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        at BIGINT NOT NULL,
        status INTEGER,
        ok BOOLEAN NOT NULL,
        error TEXT,
        duration_ms DOUBLE PRECISION NOT NULL
      );
      CREATE INDEX webhook_deliveries_by_alert ON webhook_deliveries (alert_id);

      -- The rules engine's state, one row per subject ('station' / 'segment') plus ('meta', ''). version is
      -- rules_version.version of the commit that wrote the row, so an instance reloads only what changed.
      -- Rewritten for every subject a batch touches: no index on version and room left in each page, so
      -- the rewrite is a heap-only (HOT) update that touches no index; a reload's scan by version reads
      -- at most one row per subject of the network.
      CREATE TABLE rules_state (
        scope TEXT NOT NULL,
        id TEXT NOT NULL,
        doc TEXT NOT NULL,
        version BIGINT NOT NULL,
        PRIMARY KEY (scope, id)
      ) WITH (fillfactor = 70);
      CREATE TABLE rules_version (
        one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
        version BIGINT NOT NULL
      );
      INSERT INTO rules_version (version) VALUES (0);
    `,
  },
  {
    version: 11,
    sql: `
      -- An alert keeps what raised it (cause) and the most severe reading it reached (peak) beside its
      -- current value; alerts stored before this version take both from their audit trail.
      UPDATE alerts a SET doc = a.doc || jsonb_build_object(
        'cause', COALESCE(
          (SELECT jsonb_build_object('severity', t.details->'severity', 'value', t.details->'value',
              'threshold', t.details->'threshold', 'at', t.at)
           FROM alert_transitions t WHERE t.alert_id = a.id AND t.action = 'raised' ORDER BY t.seq LIMIT 1),
          jsonb_build_object('severity', a.doc->'severity', 'value', a.doc->'value',
            'threshold', a.doc->'threshold', 'at', a.doc->'raisedAt')),
        'peak', COALESCE(
          (SELECT jsonb_build_object('severity', t.details->'severity', 'value', t.details->'value',
              'threshold', t.details->'threshold', 'at', t.at)
           FROM alert_transitions t
           WHERE t.alert_id = a.id AND t.action IN ('raised', 'severity-changed')
           ORDER BY CASE t.details->>'severity'
             WHEN 'critical' THEN 3 WHEN 'major' THEN 2 WHEN 'minor' THEN 1 ELSE 0 END DESC, t.seq
           LIMIT 1),
          jsonb_build_object('severity', a.doc->'severity', 'value', a.doc->'value',
            'threshold', a.doc->'threshold', 'at', a.doc->'raisedAt')))
      WHERE NOT a.doc ? 'cause';
    `,
  },
  {
    version: 20,
    sql: `
      -- Analysts' bookmarks of time ranges; search is title and notes folded (incident-store.ts).
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        notes TEXT NOT NULL,
        from_ms BIGINT NOT NULL,
        to_ms BIGINT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
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
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic TEXT NOT NULL,
        payload TEXT NOT NULL,
        payload_bytes INTEGER NOT NULL,
        reason TEXT NOT NULL,
        received_at BIGINT NOT NULL
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
        opened_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        doc JSONB NOT NULL
      );
      CREATE INDEX operational_incidents_by_opened ON operational_incidents (status, opened_at);

      CREATE TABLE operational_incident_events (
        incident_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        at BIGINT NOT NULL,
        by_user TEXT NOT NULL,
        origin TEXT NOT NULL,
        note TEXT NOT NULL,
        details JSONB NOT NULL,
        PRIMARY KEY (incident_id, seq)
      );
      CREATE INDEX operational_incident_events_by_at ON operational_incident_events (at);
      CREATE FUNCTION operational_incident_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the incident trail is append-only'; END $$;
      CREATE TRIGGER operational_incident_events_no_change
        BEFORE UPDATE OR DELETE OR TRUNCATE ON operational_incident_events
        FOR EACH STATEMENT EXECUTE FUNCTION operational_incident_events_append_only();

      CREATE TABLE shift_handovers (
        id TEXT PRIMARY KEY,
        from_ms BIGINT NOT NULL,
        to_ms BIGINT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        doc JSONB NOT NULL
      );
      CREATE INDEX shift_handovers_by_created ON shift_handovers (created_at);
    `,
  },
  {
    version: 60,
    sql: `
      -- Public warnings (CAP 1.2 messages), stored whole (domain PublicWarning); see the SQLite migration.
      CREATE TABLE public_warnings (
        id TEXT PRIMARY KEY,
        alert_id TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        published_at BIGINT,
        doc JSONB NOT NULL
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
        created_at BIGINT NOT NULL,
        doc JSONB NOT NULL
      );
      CREATE INDEX citizen_reports_by_created ON citizen_reports (created_at);
      CREATE TABLE citizen_report_photos (
        code TEXT PRIMARY KEY REFERENCES citizen_reports (code),
        jpeg BYTEA NOT NULL,
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
        partition SMALLINT PRIMARY KEY CHECK (partition >= 0 AND partition < 64),
        token BIGINT NOT NULL,
        stream_cursor TEXT NOT NULL,
        meta TEXT
      );
      CREATE TABLE partition_state (
        partition SMALLINT NOT NULL REFERENCES partition_checkpoints (partition),
        scope TEXT NOT NULL,
        id TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (partition, scope, id)
      ) WITH (fillfactor = 70);
    `,
  },
  {
    version: 81,
    sql: `
      -- When each of a partition's segments was last read, and from which sources, moved with the cursor
      -- every turn: a segment's state row is rewritten only when its congestion state changes.
      ALTER TABLE partition_checkpoints ADD COLUMN read_times JSONB;
    `,
  },
  {
    version: 90,
    sql: `
      -- Stored readings waiting to be folded into rollups_5m / rollups_1h (postgres-rollup-fold.ts), queued
      -- by the insert statement in the ingest transaction. The queue holds the values, not only the keys,
      -- so a fold needs no join and retention may drop a queued reading's raw row. No key and no index:
      -- the hot path only appends; a fold takes rows by ctid. Rollups before this version are whole.
      CREATE TABLE rollups_pending (
        type TEXT NOT NULL,
        subject TEXT COLLATE "C" NOT NULL,
        observed_at BIGINT NOT NULL,
        source TEXT COLLATE "C" NOT NULL,
        v DOUBLE PRECISION NOT NULL
      );
    `,
  },
]

export const LATEST_PG_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version))

/**
 * Brings the schema on the search path to the latest version in one transaction (PostgreSQL DDL is
 * transactional). Instances starting together serialize on an advisory lock named after the schema,
 * so exactly one applies each version. Returns the versions it applied.
 */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return inTransaction(pool, async (db) => {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.schema_migrations'))`)
    await db.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    )
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied: number[] = []
    for (const m of pendingMigrations(migrations, new Set(rows.map((r) => r.version)))) {
      await db.query(m.sql)
      await db.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        m.version,
        Date.now(),
      ])
      applied.push(m.version)
    }
    return applied
  })
}
