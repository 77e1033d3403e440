import { StationId, TrafficForecast, WaterForecast } from '@ioc/domain'
import { z } from 'zod'
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi'
import { TrafficForecastQuery } from './forecast-routes'

/** The shared pieces of api/openapi.ts, passed in so that both documents name one ApiError schema. */
export interface OpenApiParts {
  json: (schema: z.ZodType) => { content: { 'application/json': { schema: z.ZodType } } }
  error: (description: string) => ZodOpenApiResponse
  secured: Pick<ZodOpenApiOperationObject, 'security'>
  guarded: Record<'401' | '403', ZodOpenApiResponse>
}
type ZodOpenApiResponse = ZodOpenApiResponseObject

/** The forecast routes' part of API_PATHS (api/openapi.ts). */
export function forecastPaths({ json, error, secured, guarded }: OpenApiParts): ZodOpenApiPathsObject {
  return {
    '/api/v1/forecast/water/{stationId}': {
      get: {
        summary: "A tide gauge's latest water-level forecast: 24 h curve, 90 % band, báo động crossings",
        description: 'Refreshed every FORECAST_EVERY_S (default 10 min) from the readings up to `issuedAt`.',
        ...secured,
        requestParams: { path: z.object({ stationId: StationId }) },
        responses: {
          '200': { description: 'The forecast', ...json(WaterForecast) },
          ...guarded,
          '404': error('Not a tide gauge, or no forecast yet (too few recent readings)'),
        },
      },
    },
    '/api/v1/forecast/traffic': {
      get: {
        summary: 'Forecast speeds of the reporting segments at one lead, in columns by segment index',
        ...secured,
        requestParams: { query: TrafficForecastQuery },
        responses: {
          '200': { description: 'The forecast', ...json(TrafficForecast) },
          '400': error('A lead other than 15, 30 or 60'),
          ...guarded,
          '404': error('No traffic forecast yet'),
        },
      },
    },
  }
}
