import { z } from 'zod'
import { AlertKind, LocalizedText, Severity } from './alert'
import { CitizenCategory } from './citizen-report'
import { AlarmLevel } from './network'

const Seconds = z.number().nullable().meta({ description: 'Seconds; null when nothing to measure' })

/** Median and 90th percentile of a duration over the alerts that have it. */
export const DurationStats = z.object({ n: z.number().int(), medianS: Seconds, p90S: Seconds })
export type DurationStats = z.infer<typeof DurationStats>

export const ForecastSkillRow = z.object({
  kind: z.enum(['forecast-water-level', 'forecast-congestion']),
  /** Forecast alerts closed as verified (the event happened in its window) and as missed. */
  verified: z.number().int(),
  missed: z.number().int(),
  /** False-alarm ratio: missed / (verified + missed). */
  far: z.number().nullable(),
  /** Real events in the period (báo động passages seen at the gauges; congestion alerts raised). */
  events: z.number().int(),
  /** Real events a forecast alert of the same subject (and level) was open for beforehand. */
  detected: z.number().int(),
  /** Probability of detection: detected / events. */
  pod: z.number().nullable(),
})
export type ForecastSkillRow = z.infer<typeof ForecastSkillRow>

/** Citizen reports of one category raised in the period: time to the first answer and to closing. */
export const CitizenStatsRow = z.object({
  category: CitizenCategory,
  count: z.number().int(),
  /** From the report to the operator's first answer, over the answered reports. */
  firstAnswer: DurationStats,
  /** From the report to its closing (resolved or rejected), over the closed reports; merged ones follow theirs. */
  resolve: DurationStats,
})
export type CitizenStatsRow = z.infer<typeof CitizenStatsRow>

/** The figures of one district, or of the whole city (`district: null`). */
export const ReportSection = z.object({
  district: z.string().nullable(),
  /** Alerts raised in the period, by kind and severity (the severity they were raised with). */
  alertCounts: z.array(z.object({ kind: AlertKind, severity: Severity, count: z.number().int() })),
  /** From raising to the first acknowledgement, over the acknowledged alerts raised in the period. */
  ack: DurationStats.extend({
    /** Share of the alerts raised in the period acknowledged within the target; null without alerts. */
    withinTargetShare: z.number().nullable(),
  }),
  /** From raising to resolution, over the resolved alerts raised in the period. */
  resolve: DurationStats,
  /** Hours each segment had an active congestion alert in the period, most first. */
  congestion: z.array(z.object({ segmentId: z.string(), name: z.string(), hours: z.number() })),
  /** Hours each street (flood sensor) had an active street-flood alert in the period, most first. */
  floods: z.array(z.object({ stationId: z.string(), name: z.string(), hours: z.number() })),
  /** The highest reading of each gauge in the period, and the highest báo động level it reached. */
  gauges: z.array(
    z.object({
      stationId: z.string(),
      name: z.string(),
      maxM: z.number().nullable(),
      maxAt: z.number().int().nullable(),
      alarmLevelsM: z.object({
        I: z.number().nullable(),
        II: z.number().nullable(),
        III: z.number().nullable(),
      }),
      reached: AlarmLevel.nullable(),
    }),
  ),
  forecastSkill: z.array(ForecastSkillRow),
  /** Citizen reports by category (every category, also with none). */
  citizenReports: z.array(CitizenStatsRow),
  /** Operational incidents opened in the period, and how their checklists were worked. */
  incidents: z.object({
    opened: z.number().int(),
    resolved: z.number().int(),
    /** Each step of the procedures the incidents called for: in how many it was shown, in how many ticked. */
    steps: z.array(
      z.object({
        procedureId: z.string(),
        stepId: z.string(),
        text: LocalizedText,
        shown: z.number().int(),
        ticked: z.number().int(),
      }),
    ),
  }),
})
export type ReportSection = z.infer<typeof ReportSection>

/** `GET /api/v1/reports`: the period's operations figures, city-wide first, then per district by name. */
export const OperationsReport = z.object({
  from: z.number().int(),
  to: z.number().int(),
  ackTargetS: z.number(),
  sections: z.array(ReportSection),
})
export type OperationsReport = z.infer<typeof OperationsReport>
