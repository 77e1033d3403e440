import { WARNING_KINDS, type WarningSource } from '@ioc/cap'
import { type AlertKind, CapToken, type WarningPublishing } from '@ioc/domain'
import { z } from 'zod'

/** The public-warning variables, merged into the server's one Env schema (config.ts). */
export const WARNING_ENV = {
  /** CAP `sender` of every message: globally unique, e.g. the operations center's domain name. */
  CAP_SENDER: CapToken.default('ioc.tphcm.gov.vn'),
  /** CAP `status`: Actual in service; Exercise or Test for drills (the demo sends Exercise). */
  CAP_STATUS: z.enum(['Actual', 'Exercise', 'Test']).default('Actual'),
  /**
   * Alert kinds whose public warnings go out without a duty officer's approval, comma-separated
   * (of water-level, street-flood, forecast-water-level); by default every warning waits for one.
   */
  CAP_AUTO_PUBLISH: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(WARNING_KINDS as [AlertKind, ...AlertKind[]], {
          message: `expected alert kinds among ${WARNING_KINDS.join(', ')}`,
        }),
      ),
    ),
}

type WarningEnv = { [K in keyof typeof WARNING_ENV]: z.output<(typeof WARNING_ENV)[K]> }

export interface WarningConfig {
  source: WarningSource
  /** Per warning kind: published at once, or after a duty officer's approval. */
  publishing: Partial<Record<AlertKind, WarningPublishing>>
}

export function warningConfigFrom(e: WarningEnv): WarningConfig {
  return {
    source: {
      sender: e.CAP_SENDER,
      senderName: {
        vi: 'Trung tâm điều hành thông minh TP.HCM (IOC)',
        en: 'Ho Chi Minh City Intelligent Operations Center (IOC)',
      },
      status: e.CAP_STATUS,
    },
    publishing: Object.fromEntries(
      WARNING_KINDS.map((k) => [k, e.CAP_AUTO_PUBLISH.includes(k) ? 'auto' : 'approve']),
    ),
  }
}
