import { z } from 'zod'
import { StationId } from './network'

/** Median |time error| (min) and |level error| (cm) over `n` reported levels; null where not measured. */
export const SkillCell = z.object({
  n: z.number().int(),
  medianAbsDtMin: z.number().nullable(),
  medianAbsDhCm: z.number().nullable(),
})
export type SkillCell = z.infer<typeof SkillCell>

export const ReportedExtremeKind = z.enum(['high', 'low', 'peak'])
export type ReportedExtremeKind = z.infer<typeof ReportedExtremeKind>

const BandCoverage = z.object({
  leadH: z.number(),
  n: z.number().int(),
  /** Share of reported levels inside the calibrated 90 % band; null without any. */
  coverage: z.number().nullable(),
  medianHalfWidthCm: z.number().nullable(),
})

/** One gauge's tide forecast judged on the reported levels: the `ioc backtest --real` figures. */
export const GaugeRealSkill = z.object({
  stationId: StationId,
  name: z.string(),
  /** Each reported day left out in turn, the curve alone: the estuary model against today's single lag. */
  leaveOneDayOut: z.array(z.object({ kind: ReportedExtremeKind, estuary: SkillCell, singleLag: SkillCell })),
  /** Issued `leadH` before each reported level, from the reports before then only, with its baselines. */
  leads: z.array(
    z.object({
      kind: ReportedExtremeKind,
      leadH: z.number(),
      cells: z.object({
        forecast: SkillCell,
        'single-lag': SkillCell,
        astronomical: SkillCell,
        persistence: SkillCell,
      }),
    }),
  ),
  /** The calibrated 90 % band's measured coverage per lead. */
  band: z.array(BandCoverage),
})
export type GaugeRealSkill = z.infer<typeof GaugeRealSkill>

/** `GET /api/v1/forecast-skill`: the tide forecast judged on what the river did, per gauge. */
export const RealForecastSkill = z.object({
  /** Where the reported levels come from. */
  source: z.string(),
  /** Gauge-days left out in turn. */
  days: z.number().int(),
  gauges: z.array(GaugeRealSkill),
})
export type RealForecastSkill = z.infer<typeof RealForecastSkill>
