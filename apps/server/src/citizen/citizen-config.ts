import { z } from 'zod'

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

/** Citizen reports' variables, merged into the server's one Env schema (config.ts). */
export const CITIZEN_ENV = {
  /** Reports one client address may send per hour before 429 (a carrier's NAT puts many phones behind one). */
  CITIZEN_REPORTS_PER_HOUR_PER_ADDRESS: int(1, 1_000_000).default(30),
  /** Reports one device (Open311 `device_id`, else its address) may send per hour before 429. */
  CITIZEN_REPORTS_PER_HOUR_PER_DEVICE: int(1, 1_000_000).default(5),
  /** Reports one partner app (Open311 `api_key`) may send per hour before 429. */
  CITIZEN_REPORTS_PER_HOUR_PER_KEY: int(1, 1_000_000).default(1000),
  /** Leading zero bits of the proof of work: ~2^bits SHA-256 per report, under a second in a phone's browser at 16. */
  CITIZEN_POW_BITS: int(0, 28).default(16),
  /** Key that signs proof-of-work challenges; several instances must share one. Random per process when unset. */
  CITIZEN_POW_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
}

type CitizenEnv = z.output<z.ZodObject<typeof CITIZEN_ENV>>

export interface CitizenConfig {
  perHourPerAddress: number
  perHourPerDevice: number
  perHourPerKey: number
  powBits: number
  powSecret: string | undefined
}

export function citizenConfigFrom(e: CitizenEnv): CitizenConfig {
  return {
    perHourPerAddress: e.CITIZEN_REPORTS_PER_HOUR_PER_ADDRESS,
    perHourPerDevice: e.CITIZEN_REPORTS_PER_HOUR_PER_DEVICE,
    perHourPerKey: e.CITIZEN_REPORTS_PER_HOUR_PER_KEY,
    powBits: e.CITIZEN_POW_BITS,
    powSecret: e.CITIZEN_POW_SECRET,
  }
}
