import { OperationsReport, RealForecastSkill } from '@ioc/domain'
import { z } from 'zod'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiParts } from '../forecast/forecast-openapi'
import { ReportQuery } from './report-routes'

/** The reports route's part of API_PATHS (api/openapi.ts). */
export function reportPaths({ json, error, secured, guarded }: OpenApiParts): ZodOpenApiPathsObject {
  return {
    '/api/v1/reports': {
      get: {
        summary: 'Operations report of a period, city-wide and per district (analysts, admins)',
        description:
          'Alerts by kind and severity, time to acknowledge and to resolve (median, p90, share within ' +
          'REPORT_ACK_TARGET_S), congestion hours per segment, flood hours per street, the highest level per ' +
          'gauge against its báo động levels, and forecast skill (verified/missed, POD, FAR).',
        ...secured,
        requestParams: { query: ReportQuery },
        responses: {
          '200': {
            description: 'The report: JSON, or with format=csv one figure per row',
            content: {
              ...json(OperationsReport).content,
              'text/csv': {
                schema: z.string().meta({ description: 'district,table,subject,name,metric,value' }),
              },
            },
          },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
    '/api/v1/forecast-skill': {
      get: {
        summary: 'The tide forecast judged on the reported levels, per gauge (analysts, admins)',
        description:
          'The figures of `ioc backtest --real`: each reported day of fixtures/hcmc/tide-reports.json left ' +
          'out in turn; median |Δt| (min) and |Δh| (cm) of the curve alone against the single-lag fit, of ' +
          'forecasts issued 1/3/6/24 h ahead against the single lag, the pure tide and persistence, and the ' +
          'calibrated 90 % band’s coverage.',
        ...secured,
        responses: {
          '200': { description: 'Per gauge, the real-data skill', ...json(RealForecastSkill) },
          ...guarded,
        },
      },
    },
  }
}
