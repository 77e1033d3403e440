import {
  ApiError,
  AuditEntry,
  Health,
  History,
  IngestResult,
  LoginRequest,
  LoginResponse,
  Me,
  Observation,
  SegmentId,
  StateSnapshot,
  StationId,
} from '@ioc/domain'
import { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi'
import { NetworkGeoJsonSchema } from './network-schema'
import { AuditParams, HistoryParams } from './query-params'

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } })
const ApiErrorSchema = ApiError.meta({ id: 'ApiError' })
const error = (description: string) => ({ description, ...json(ApiErrorSchema) })

const UNAUTHENTICATED = { '401': error('Not signed in, or the token is unknown, expired or revoked') }
const FORBIDDEN = { '403': error('The caller lacks the permission this route needs') }
const guarded = { ...UNAUTHENTICATED, ...FORBIDDEN }
const secured: Pick<ZodOpenApiOperationObject, 'security'> = { security: [{ bearer: [] }, { session: [] }] }

const historyOperation = (type: 'traffic' | 'water'): ZodOpenApiOperationObject => ({
  summary: `History of one ${type === 'traffic' ? 'road segment (speed, km/h)' : 'station (its unit)'}`,
  description: 'Raw readings, or bucket means with min and max when the range holds more than maxPoints.',
  ...secured,
  requestParams: {
    path: z.object(type === 'traffic' ? { segmentId: SegmentId } : { stationId: StationId }),
    query: HistoryParams,
  },
  responses: {
    '200': { description: 'The readings in the range', ...json(History) },
    '400': error('A bad query parameter'),
    ...guarded,
    '404': error(`No such ${type === 'traffic' ? 'segment' : 'station'} in the network`),
  },
})

/** Every HTTP route of the API. The document is generated from this, and the OpenAPI test walks it. */
export const API_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/health': {
    get: {
      summary: 'Liveness and readiness',
      responses: {
        '200': { description: 'Ready: the store answers', ...json(Health) },
        '503': { description: 'Alive but not ready', ...json(Health) },
      },
    },
  },
  '/api/v1/auth/login': {
    post: {
      summary: 'Sign in',
      description: 'Sets an HTTP-only SameSite session cookie and returns the same token for bearer use.',
      requestBody: json(LoginRequest),
      responses: {
        '200': { description: 'Signed in', ...json(LoginResponse) },
        '400': error('The body is not {name, password}'),
        '401': error('Wrong user name or password'),
        '429': error('Too many failed logins from this address'),
      },
    },
  },
  '/api/v1/auth/logout': {
    post: {
      summary: 'Sign out (ends the session)',
      ...secured,
      responses: { '204': { description: 'Signed out' }, '400': error('Not a session'), ...UNAUTHENTICATED },
    },
  },
  '/api/v1/auth/me': {
    get: {
      summary: 'Who the caller is and what they may do',
      ...secured,
      responses: { '200': { description: 'The caller', ...json(Me) }, ...UNAUTHENTICATED },
    },
  },
  '/api/v1/observations': {
    post: {
      summary: 'Ingest a batch of traffic and water observations',
      description:
        'A JSON array or NDJSON. Validated whole: any bad item refuses the batch and nothing is stored. ' +
        'Committed durably before the answer; an observation already stored (same subject, observedAt, ' +
        'source) counts as a duplicate, so retries are safe. Needs an ingest key (or an admin).',
      ...secured,
      requestBody: {
        content: {
          'application/json': { schema: z.array(Observation) },
          'application/x-ndjson': { schema: Observation.meta({ description: 'One observation per line' }) },
        },
      },
      responses: {
        '200': { description: 'Stored', ...json(IngestResult) },
        '400': error('An empty batch'),
        ...guarded,
        '413': error('The body exceeds BODY_LIMIT'),
        '415': error('Neither application/json nor application/x-ndjson'),
        '422': error('Invalid observations: every problem with its line or index and field'),
      },
    },
  },
  '/api/v1/network': {
    get: {
      summary: 'Road segments, water stations and flood points as GeoJSON',
      description:
        'Feature ids are the indices used by live and replay deltas. Revalidate with If-None-Match.',
      ...secured,
      responses: {
        '200': { description: 'The network', ...json(NetworkGeoJsonSchema) },
        '304': { description: 'Unchanged since the ETag sent' },
        ...guarded,
      },
    },
  },
  '/api/v1/state': {
    get: {
      summary: 'The live picture now: latest reading per segment and station, open alerts',
      ...secured,
      responses: { '200': { description: 'A snapshot', ...json(StateSnapshot) }, ...guarded },
    },
  },
  '/api/v1/history/traffic/{segmentId}': { get: historyOperation('traffic') },
  '/api/v1/history/water/{stationId}': { get: historyOperation('water') },
  '/api/v1/audit': {
    get: {
      summary: 'Security events, newest first (admins)',
      ...secured,
      requestParams: { query: AuditParams },
      responses: {
        '200': { description: 'Audit entries', ...json(z.array(AuditEntry)) },
        '400': error('A bad query parameter'),
        ...guarded,
      },
    },
  },
  '/api/v1/openapi.json': {
    get: {
      summary: 'This document',
      responses: { '200': { description: 'OpenAPI 3.1', ...json(z.record(z.string(), z.unknown())) } },
    },
  },
}

export function createOpenApiDocument(version: string): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'HCMC Intelligent Operations Center API',
      version,
      description:
        'Traffic and flooding for Ho Chi Minh City. Live state is pushed over Socket.IO (`state:snapshot`, ' +
        '`state:delta`, `alert:changed`; see packages/domain/src/live.ts); this API serves everything else.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Session token, ingest key or display token' },
        session: { type: 'apiKey', in: 'cookie', name: 'ioc_session' },
      },
    },
    paths: API_PATHS,
  })
}
