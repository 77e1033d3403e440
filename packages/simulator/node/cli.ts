import { parseArgs } from 'node:util'
import { loadWorld } from '../src/load-world'
import { loadScenario } from '../src/scenario/load-scenario'
import type { Scenario } from '../src/scenario/scenario'
import { pushScenario } from './push-scenario'
import { writeRecording } from './write-recording'

const USAGE = `ioc-sim record <scenario> [--out file.ndjson] [--seed n] [--from ISO] [--to ISO]
ioc-sim push <scenario> --url http://127.0.0.1:8080 --key <ingest key> [--speed 60] [--batch 5000]
             [--start ISO] [--from ISO] [--live] [--loop] [--seed n]
  --from   send the readings from this time up to --start at once, as history
  --live   re-time the readings so --start is now (needs --speed 1): the day plays as if live

Scenarios are fixtures/recordings/<scenario>.json (normal-weekday, king-tide-2025-11-06).`

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      speed: { type: 'string', default: '60' },
      batch: { type: 'string', default: '5000' },
      start: { type: 'string' },
      loop: { type: 'boolean', default: false },
      live: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, name] = positionals
  if (values.help || !command || !name) {
    console.log(USAGE)
    process.exitCode = values.help ? 0 : 2
    return
  }
  const loaded = loadScenario(name).scenario
  const scenario: Scenario =
    values.seed === undefined ? loaded : { ...loaded, seed: toInt(values.seed, '--seed') }
  const world = loadWorld()

  if (command === 'record') {
    const out = values.out ?? `${name}.ndjson`
    const t0 = performance.now()
    const { lines } = await writeRecording(scenario, out, world, {
      ...(values.from === undefined ? {} : { fromMs: toTime(values.from, '--from') }),
      ...(values.to === undefined ? {} : { toMs: toTime(values.to, '--to') }),
    })
    console.error(`${out}: ${lines} observations in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  } else if (command === 'push') {
    if (!values.url || !values.key) throw new Error('push needs --url and --key')
    const sent = await pushScenario(scenario, world, {
      url: values.url,
      key: values.key,
      speed: toNumber(values.speed, '--speed'),
      batch: toInt(values.batch, '--batch'),
      ...(values.start === undefined ? {} : { startMs: toTime(values.start, '--start') }),
      ...(values.from === undefined ? {} : { historyFromMs: toTime(values.from, '--from') }),
      asLive: values.live,
      loop: values.loop,
      log: (line) => console.error(line),
    })
    console.error(`done: ${sent} observations`)
  } else {
    console.log(USAGE)
    process.exitCode = 2
  }
}

function toNumber(s: string, flag: string): number {
  const n = Number(s)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} expects a positive number, got "${s}"`)
  return n
}

function toInt(s: string, flag: string): number {
  const n = toNumber(s, flag)
  if (!Number.isInteger(n)) throw new Error(`${flag} expects an integer, got "${s}"`)
  return n
}

function toTime(s: string, flag: string): number {
  const ms = Date.parse(s)
  if (Number.isNaN(ms) || !/[zZ]|[+-]\d\d:\d\d$/.test(s)) {
    throw new Error(`${flag} expects an ISO time with offset, e.g. 2025-11-06T17:00:00+07:00, got "${s}"`)
  }
  return ms
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
