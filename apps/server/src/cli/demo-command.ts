import { randomUUID } from 'node:crypto'
import { loadNetwork } from '@ioc/fixtures'
import { loadScenario, loadWorld } from '@ioc/simulator'
import { pushScenario } from '@ioc/simulator/node'
import { hashToken, newToken } from '../auth/tokens'
import type { Config } from '../config/config'
import { startServer } from '../server'
import { openStore } from '../store/open-store'
import type { TokenKind } from '../store/store'

const SCENARIO = 'king-tide-2025-11-06'
const HISTORY_FROM = '2025-11-06T12:00:00+07:00'
/**
 * Five minutes before Phú An passes báo động III (16:35), the tide backs up onto the riverside streets
 * and the evening rain (from 17:00) floods the rest: the room sees the crisis unfold within minutes, in
 * real time, as it would have on the day.
 */
const LIVE_FROM = '2025-11-06T16:30:00+07:00'
const INGEST_KEY = 'demo-feed'
const DISPLAY = 'demo-wall'

/**
 * `ioc demo`: the server on DATA_DIR, a fresh demo ingest key and wall token, and the king tide of
 * 6 Nov 2025 played as if it were happening now. Its 16:30 is the moment the demo starts; the
 * afternoon before it goes in at once as history; then it runs in real time, looping day after day.
 * Real time, not faster: a live server judges silent sensors by its own clock, so a feed running
 * ahead or behind it would set off every sensor-silent alert.
 */
export async function demoCommand(config: Config): Promise<void> {
  // Tokens are stored hashed, so an old one cannot be shown again: the demo ones are replaced each run.
  const store = await openStore(config)
  const replace = async (kind: TokenKind, name: string) => {
    await store.revokeToken(kind, name, Date.now())
    const token = newToken(kind)
    await store.createToken({ kind, name, tokenHash: hashToken(token), createdAt: Date.now() })
    return token
  }
  const key = await replace('ingest-key', INGEST_KEY)
  const display = await replace('display', DISPLAY)

  const startedAt = Date.now()
  const liveShiftMs = startedAt - Date.parse(LIVE_FROM)
  await store.createIncident({
    id: randomUUID(),
    title: 'Triều cường và mưa lớn 6/11/2025 (tái hiện, phát như trực tiếp) · King tide and heavy rain',
    notes:
      'Bản tái hiện đợt triều cường 6/11/2025 (Phú An dự báo 1,72–1,78 m) kèm mưa lớn giờ tan tầm, ' +
      'phát lại với giờ của hôm nay. Reconstruction of the 6 Nov 2025 king tide with evening rain, ' +
      'replayed on today’s clock (fixtures/recordings/king-tide-2025-11-06.json).',
    from: Date.parse(HISTORY_FROM) + liveShiftMs,
    to: Date.parse('2025-11-06T21:00:00+07:00') + liveShiftMs,
    createdBy: 'demo',
    createdAt: startedAt,
    updatedAt: startedAt,
  })
  await store.close()

  // A reconstruction is a drill, not a warning: its public CAP messages say Exercise (CAP 1.2 status).
  const drill = { ...config.warnings, source: { ...config.warnings.source, status: 'Exercise' as const } }
  const server = await startServer({ ...config, warnings: drill }, loadNetwork())
  const out = process.stdout
  out.write(`\nIOC demo running at ${server.url}\n`)
  out.write(`  wall display:  ${server.url}/wall?token=${display}\n`)
  out.write(`  console:       ${server.url}/login  (sign in as admin)\n`)
  out.write(`  public warnings (CAP, once approved in the console): ${server.url}/cap/feed.atom\n`)
  if (server.generatedAdminPassword)
    out.write(`  admin password (shown only this once): ${server.generatedAdminPassword}\n`)
  out.write(`  feed: ${SCENARIO}, 12:00–16:30 as history, then live from 16:30 = now. Ctrl-C stops.\n\n`)

  const stop = () => {
    process.once('SIGINT', () => process.exit(1))
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  const { scenario } = loadScenario(SCENARIO)
  let lastLog = 0
  await pushScenario(scenario, loadWorld(), {
    url: server.url,
    key,
    speed: 1,
    batch: 5000,
    historyFromMs: Date.parse(HISTORY_FROM),
    startMs: Date.parse(LIVE_FROM),
    asLive: true,
    loop: true,
    log: (line) => {
      // One progress line a minute is enough beside the server's own log.
      if (Date.now() - lastLog < 60_000) return
      lastLog = Date.now()
      out.write(`feed: ${line}\n`)
    },
  })
}
