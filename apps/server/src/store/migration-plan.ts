/** One versioned schema change, in the SQL of one engine. */
export interface Migration {
  version: number
  sql: string
}

/**
 * The migrations still to apply, given the versions a database has applied; throws when the database
 * was migrated by a newer server. By set, not by maximum: parts are numbered in ranges (core 1–9,
 * alerts 10–19, replay 20–29, scaling 30–39, operational incidents 50–59, public warnings 60–69,
 * citizen reports 70–79, partition checkpoints 80–89), so a later range may be appended before an
 * earlier one grows.
 */
export function pendingMigrations(migrations: readonly Migration[], done: ReadonlySet<number>): Migration[] {
  const latest = Math.max(0, ...migrations.map((m) => m.version))
  const newest = Math.max(0, ...done)
  if (newest > latest) throw new Error(`database schema v${newest} is newer than this server (v${latest})`)
  return migrations.filter((m) => !done.has(m.version))
}
