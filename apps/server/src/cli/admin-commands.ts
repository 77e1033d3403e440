import { text } from 'node:stream/consumers'
import type { AuditAction, Role } from '@ioc/domain'
import { pino } from 'pino'
import { createAudit } from '../auth/audit-log'
import { hashPassword } from '../auth/password'
import { hashToken, newToken } from '../auth/tokens'
import type { Config } from '../config/config'
import { openStore } from '../store/open-store'
import type { Store, TokenKind } from '../store/store'
import { CliError } from './cli-error'

const MIN_PASSWORD = 12

/** Opens the server's store next to it (SQLite WAL or PostgreSQL allow it), runs `fn`, closes. */
async function withStore<T>(
  config: Config,
  fn: (store: Store, audit: ReturnType<typeof createAudit>) => Promise<T>,
) {
  const store = await openStore(config)
  try {
    return await fn(store, createAudit(store, pino({ level: 'silent' })))
  } finally {
    await store.close()
  }
}

export async function addUser(config: Config, name: string, role: Role): Promise<void> {
  if (process.stdin.isTTY) process.stderr.write('password (then Enter and Ctrl-D): ')
  const password = (await text(process.stdin)).replace(/\r?\n$/, '')
  if (password.length < MIN_PASSWORD)
    throw new CliError(`the password needs at least ${MIN_PASSWORD} characters`)
  await withStore(config, async (store, audit) => {
    const created = await store.createUser({
      name,
      role,
      passwordHash: await hashPassword(password),
      createdAt: Date.now(),
    })
    if (!created) throw new CliError(`user "${name}" already exists`)
    await audit({ actor: 'cli', action: 'user-created', target: `${name} (${role})`, origin: 'cli' })
  })
  process.stdout.write(`added user ${name} (${role})\n`)
}

const AUDITED: Record<TokenKind, { created: AuditAction; revoked: AuditAction }> = {
  'ingest-key': { created: 'ingest-key-created', revoked: 'ingest-key-revoked' },
  display: { created: 'display-created', revoked: 'display-revoked' },
  'open311-key': { created: 'open311-key-created', revoked: 'open311-key-revoked' },
}

export async function addToken(config: Config, kind: TokenKind, name: string): Promise<void> {
  const token = newToken(kind)
  await withStore(config, async (store, audit) => {
    const created = await store.createToken({
      kind,
      name,
      tokenHash: hashToken(token),
      createdAt: Date.now(),
    })
    if (!created) throw new CliError(`an active ${kind} named "${name}" exists; revoke it first`)
    await audit({
      actor: 'cli',
      action: AUDITED[kind].created,
      target: name,
      origin: 'cli',
    })
  })
  process.stderr.write(`created ${kind} "${name}"; it is shown only this once:\n`)
  process.stdout.write(`${token}\n`)
}

export async function revokeToken(config: Config, kind: TokenKind, name: string): Promise<void> {
  await withStore(config, async (store, audit) => {
    if (!(await store.revokeToken(kind, name, Date.now())))
      throw new CliError(`no active ${kind} named "${name}"`)
    await audit({
      actor: 'cli',
      action: AUDITED[kind].revoked,
      target: name,
      origin: 'cli',
    })
  })
  process.stdout.write(`revoked ${kind} ${name}\n`)
}
