import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The test database; CI and the dev machine run PostgreSQL with trust auth on loopback. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * A fresh, uniquely named schema in the test database, so parallel test runs and benches never see
 * each other's rows. `url` puts it on the search path; `drop()` removes it with everything in it.
 */
export async function createTempSchema(
  label: string,
): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `ioc_${label}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      await c.query(`DROP SCHEMA ${schema} CASCADE`)
      await c.end()
    },
  }
}
