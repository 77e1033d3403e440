import type Database from 'better-sqlite3'

/**
 * Versioned schema changes, applied in order, each in its own transaction. Append new versions;
 * never edit one that has shipped.
 */
const MIGRATIONS: { version: number; sql: string }[] = [
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
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0

/** Brings the database to the latest schema version; returns the versions it applied. */
export function migrate(db: Database.Database): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  )
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  const current = row.v ?? 0
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`database schema v${current} is newer than this server (v${LATEST_SCHEMA_VERSION})`)
  }
  const applied: number[] = []
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.version, Date.now())
    })()
    applied.push(m.version)
  }
  return applied
}
