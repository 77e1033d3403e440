import {
  CitizenReport,
  CitizenReportAction,
  CitizenReportCode,
  CitizenReportList,
  CitizenReportQuery,
} from '@ioc/domain'
import { z } from 'zod'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiParts } from '../forecast/forecast-openapi'

const ACTIONS = [
  ['verify', 'Verify (operators): a flood becomes the nearest flood sensor’s reading, source citizen:<code>'],
  ['reject', 'Reject with a reason (operators)'],
  ['merge', 'Merge into another open report of the same thing (operators)'],
  ['answer', 'Answer the citizen (duty officers): shown on the public status page'],
  ['resolve', 'Close as resolved (duty officers)'],
] as const

/** The staff side of citizen reports in API_PATHS (api/openapi.ts); the public side is Open311 GeoReport v2. */
export function citizenPaths({ json, error, secured, guarded }: OpenApiParts): ZodOpenApiPathsObject {
  const code = z.object({ code: CitizenReportCode })
  const paths: ZodOpenApiPathsObject = {
    '/api/v1/citizen-reports': {
      get: {
        summary: 'Citizen reports, newest first, with suggested duplicates (500 m, 1 h)',
        ...secured,
        requestParams: { query: CitizenReportQuery },
        responses: {
          '200': { description: 'The reports', ...json(CitizenReportList) },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
    '/api/v1/citizen-reports/{code}': {
      get: {
        summary: 'One citizen report, with its text and exact place',
        ...secured,
        requestParams: { path: code },
        responses: {
          '200': { description: 'The report', ...json(CitizenReport) },
          ...guarded,
          '404': error('No such report'),
        },
      },
    },
    '/api/v1/citizen-reports/{code}/photo': {
      get: {
        summary: 'The report’s photo: a JPEG re-encoded without metadata',
        ...secured,
        requestParams: { path: code },
        responses: {
          '200': {
            description: 'The photo',
            content: { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...guarded,
          '404': error('No such report, or it has no photo'),
        },
      },
    },
  }
  const bodies = new Map<string, z.ZodType>(
    CitizenReportAction.options.map((o) => [o.shape.kind.value, (o as z.ZodObject).omit({ kind: true })]),
  )
  for (const [kind, summary] of ACTIONS) {
    paths[`/api/v1/citizen-reports/{code}/${kind}`] = {
      post: {
        summary,
        ...secured,
        requestParams: { path: code },
        requestBody: json(bodies.get(kind) ?? z.object({})),
        responses: {
          '200': { description: 'The report after the action (audited)', ...json(CitizenReport) },
          '400': error('A bad body'),
          ...guarded,
          '404': error('No such report'),
          '409': error('The report’s status does not allow it (e.g. verifying a rejected report)'),
        },
      },
    }
  }
  return paths
}
