import pg from 'pg'

const INT8 = 20
const NUMERIC = 1700

/**
 * A pool whose BIGINT and NUMERIC columns come back as JS numbers, as SQLite's do: every stored integer
 * (epoch ms, counts, ids) stays below 2^53. Set per pool, not through the global `pg.types`, so other
 * users of `pg` in the process are unaffected.
 */
export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client's connection can drop (database restart); the pool replaces it on the next query.
  pool.on('error', () => {})
  return pool
}

/**
 * Runs `fn` in one transaction on one client: COMMIT when it resolves, ROLLBACK when it throws.
 * `opening` (statements without parameters) goes with the BEGIN, in one round trip, and `fn` gets the
 * rows of its last statement.
 */
export async function inTransaction<T, R extends pg.QueryResultRow = pg.QueryResultRow>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient, opened: R[]) => Promise<T>,
  opening?: string,
): Promise<T> {
  const client = await pool.connect()
  try {
    // A simple query of several statements answers with one result per statement.
    const begun = (await client.query(opening ? `BEGIN; ${opening}` : 'BEGIN')) as unknown as
      | pg.QueryResult<R>
      | pg.QueryResult<R>[]
    const result = await fn(client, (Array.isArray(begun) ? begun.at(-1) : begun)?.rows ?? [])
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
