import { Role } from '@ioc/domain'
import { Command, Option } from 'commander'
import { ConfigError, loadConfig } from '../config/config'
import { backtestCommand } from '../forecast/backtest-command'
import { realBacktestCommand } from '../forecast/real-backtest-command'
import { addDisplay, addIngestKey, addUser, revokeToken } from './admin-commands'
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

const keys = program.command('keys').description('manage ingest keys (may only ingest)')
keys
  .command('add <name>')
  .description('create an ingest key and print it once')
  .action((name: string) => addIngestKey(loadConfig(), name))
keys
  .command('revoke <name>')
  .description('revoke an ingest key')
  .action((name: string) => revokeToken(loadConfig(), 'ingest-key', name))

const displays = program.command('displays').description('manage read-only wall display tokens')
displays
  .command('add <name>')
  .description('create a display token and print it once')
  .action((name: string) => addDisplay(loadConfig(), name))
displays
  .command('revoke <name>')
  .description('revoke a display token')
  .action((name: string) => revokeToken(loadConfig(), 'display', name))

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
    'judge the tide forecast on the reported highs, lows and peaks (and imported gauge recordings)',
  )
  .action((o: { from?: string; to?: string; real?: boolean }) => {
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
