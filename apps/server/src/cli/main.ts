import { Role } from '@ioc/domain'
import { Command, Option } from 'commander'
import { ConfigError, loadConfig } from '../config/config'
import { backtestCommand } from '../forecast/backtest-command'
import { realBacktestCommand } from '../forecast/real-backtest-command'
import type { TokenKind } from '../store/store'
import { addToken, addUser, revokeToken } from './admin-commands'
import { backupCommand, restoreCommand } from './backup-commands'
import { CliError } from './cli-error'
import { demoCommand } from './demo-command'
import { importCommand } from './import-command'
import { serve } from './serve'

const program = new Command('ioc')
  .description(
    'HCMC Intelligent Operations Center server. Configured by environment variables (src/config/config.ts).',
  )
  .showHelpAfterError()

program
  .command('serve')
  .description('run the server (PORT, HOST, DATA_DIR, LIVE_TICK_MS, …)')
  .action(() => serve(loadConfig()))

const users = program.command('users').description('manage users')
users
  .command('add <name>')
  .description('add a user; the password is read from stdin')
  .addOption(new Option('--role <role>', 'what the user may do').choices(Role.options).makeOptionMandatory())
  .action((name: string, o: { role: Role }) => addUser(loadConfig(), name, o.role))

// Tokens made by an admin, shown once and stored hashed: one command group per kind.
const TOKEN_COMMANDS: [command: string, kind: TokenKind, what: string, may: string][] = [
  ['keys', 'ingest-key', 'an ingest key', 'manage ingest keys (may only ingest)'],
  ['displays', 'display', 'a display token', 'manage read-only wall display tokens'],
  [
    'open311-keys',
    'open311-key',
    'an Open311 api_key',
    "manage partner citizen apps' Open311 api_key (may send reports without a proof of work)",
  ],
]
for (const [command, kind, what, may] of TOKEN_COMMANDS) {
  const group = program.command(command).description(may)
  group
    .command('add <name>')
    .description(`create ${what} and print it once`)
    .action((name: string) => addToken(loadConfig(), kind, name))
  group
    .command('revoke <name>')
    .description(`revoke ${what}`)
    .action((name: string) => revokeToken(loadConfig(), kind, name))
}

program
  .command('import <file>')
  .description('import an NDJSON recording into the store through the alert pipeline (server stopped)')
  .action((file: string) => importCommand(loadConfig(), file))

program
  .command('backup <file>')
  .description('write a consistent copy of the embedded store to <file>; safe while the server runs')
  .action((file: string) => backupCommand(loadConfig(), file))

program
  .command('restore <file>')
  .description(
    'replace the embedded store by the backup <file> (server stopped; the old store is kept aside)',
  )
  .action((file: string) => restoreCommand(loadConfig(), file))

program
  .command('demo')
  .description('run the server with the king tide of 6 Nov 2025 played as if it were happening now')
  .action(() => demoCommand(loadConfig()))

program
  .command('backtest')
  .description('score the forecasts over stored history against persistence and the tide or usual profile')
  .option('--from <iso>', 'first forecast time, e.g. 2025-11-08T00:00:00+07:00')
  .option('--to <iso>', 'last forecast time (exclusive)')
  .option(
    '--real',
    'judge the tide forecast on the reported highs, lows and peaks (and imported gauge recordings), and the traffic forecast on the 2025-10-30 measured runs',
  )
  .option(
    '--traffic-times <hh:mm,...>',
    'with --real: the measured times to score the traffic at (default all inner ones)',
  )
  .option(
    '--no-traffic',
    'with --real: the tide only (the traffic scoring simulates three weeks per measured time)',
  )
  .action((o: { from?: string; to?: string; real?: boolean; trafficTimes?: string; traffic: boolean }) => {
    if (o.real) return realBacktestCommand(loadConfig(), o)
    if (o.from === undefined || o.to === undefined)
      throw new CliError('backtest needs --from and --to (or --real for the reported tide levels)')
    return backtestCommand(loadConfig(), { from: o.from, to: o.to })
  })

try {
  await program.parseAsync()
} catch (e) {
  if (!(e instanceof ConfigError || e instanceof CliError)) throw e
  process.stderr.write(`ioc: ${e.message}\n`)
  process.exitCode = 2
}
