import {
  AckBody,
  Alert,
  AlertDetail,
  AlertList,
  AlertQuery,
  ApiError,
  AssignBody,
  AuditEntry,
  DeadLetter,
  Health,
  History,
  IngestResult,
  LoginRequest,
  LoginResponse,
  Me,
  NewSilence,
  Observation,
  ResolveBody,
  SegmentId,
  Silence,
  SilenceList,
  StateSnapshot,
  StationId,
  UserList,
  WebhookDeliveryList,
} from '@ioc/domain'
import { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi'
import { UsersQuery } from '../alerts/alert-routes'
import { citizenPaths } from '../citizen/citizen-openapi'
import { forecastPaths } from '../forecast/forecast-openapi'
import { incidentPaths } from '../incidents/incident-openapi'
import { REPLAY_PATHS } from '../replay/replay-openapi'
import { reportPaths } from '../reports/report-openapi'
import { warningPaths } from '../warnings/warning-openapi'
import { NetworkGeoJsonSchema } from './network-schema'
import { AuditParams, HistoryParams } from './query-params'

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } })
const ApiErrorSchema = ApiError.meta({ id: 'ApiError' })
const AlertSchema = Alert.meta({ id: 'Alert' })
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
  ...alertPaths(),
  ...forecastPaths({ json, error, secured, guarded }),
  ...incidentPaths({ json, error, secured, guarded }),
  ...reportPaths({ json, error, secured, guarded }),
  ...warningPaths({ json, error, secured, guarded }),
  ...citizenPaths({ json, error, secured, guarded }),
  ...REPLAY_PATHS,
  '/api/v1/dead-letters': {
    get: {
      summary: 'Feed messages that could not be ingested, with the reason, newest first (admins)',
      description:
        'MQTT messages that failed validation (bad JSON, unknown station, topic and payload disagreeing…). ' +
        'Each was acknowledged to the broker only once stored here.',
      ...secured,
      requestParams: { query: AuditParams },
      responses: {
        '200': { description: 'Dead letters', ...json(z.array(DeadLetter)) },
        '400': error('A bad query parameter'),
        ...guarded,
      },
    },
  },
}

/** Alerts, their lifecycle actions and silences; the same actions go over the socket as `alert:act`. */
function alertPaths(): ZodOpenApiPathsObject {
  const alertId = { path: z.object({ id: z.string().meta({ description: 'Alert id' }) }) }
  const noAlert = { '404': error('No alert of that id') }
  const action = (
    summary: string,
    description: string,
    body: z.ZodType,
    conflict: string,
  ): ZodOpenApiOperationObject => ({
    summary,
    description: `${description} Needs alerts:act (duty officers, admins). Recorded in the alert's audit trail with who, when and from where; pushed as \`alert:changed\`.`,
    ...secured,
    requestParams: alertId,
    requestBody: json(body),
    responses: {
      '200': { description: 'The alert after the action', ...json(AlertSchema) },
      '400': error('A bad body'),
      ...guarded,
      ...noAlert,
      '409': error(conflict),
    },
  })
  return {
    '/api/v1/alerts': {
      get: {
        summary: 'Alerts, newest first',
        description:
          '`state=open` (default) is every alert not yet resolved: active or cleared, acknowledged or not.',
        ...secured,
        requestParams: { query: AlertQuery },
        responses: {
          '200': { description: 'The alerts', ...json(AlertList) },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
    '/api/v1/alerts/{id}': {
      get: {
        summary: 'One alert and its audit trail (every transition, oldest first)',
        ...secured,
        requestParams: alertId,
        responses: { '200': { description: 'The alert', ...json(AlertDetail) }, ...guarded, ...noAlert },
      },
    },
    '/api/v1/alerts/{id}/deliveries': {
      get: {
        summary: 'Every webhook delivery attempt for the alert',
        ...secured,
        requestParams: alertId,
        responses: {
          '200': { description: 'Attempts, oldest first', ...json(WebhookDeliveryList) },
          ...guarded,
          ...noAlert,
        },
      },
    },
    '/api/v1/alerts/{id}/ack': {
      post: action(
        'Acknowledge an alert',
        'Exactly one of two officers acknowledging at once wins.',
        AckBody,
        'Already acknowledged (the message names who and when) or resolved',
      ),
    },
    '/api/v1/alerts/{id}/assign': {
      post: action(
        'Assign an alert to a duty officer or admin',
        'See `GET /api/v1/users` for who can be assigned.',
        AssignBody,
        'Already resolved',
      ),
    },
    '/api/v1/alerts/{id}/resolve': {
      post: action(
        'Resolve (close) an alert with a note',
        'Only once the engine has cleared it, unless `force` is set (the note then gives the reason).',
        ResolveBody,
        'Still active and not forced, or already resolved',
      ),
    },
    '/api/v1/silences': {
      get: {
        summary: 'Silences in force',
        ...secured,
        responses: { '200': { description: 'Silences', ...json(SilenceList) }, ...guarded },
      },
      post: {
        summary: 'Silence a station or segment until a time (maintenance)',
        description:
          'Alerts raised on it meanwhile are recorded (`silenced: true`) but not pushed nor sent to webhooks. Needs alerts:act.',
        ...secured,
        requestBody: json(NewSilence),
        responses: {
          '201': { description: 'The silence', ...json(Silence) },
          '400': error('A bad body, an unknown subject or an expiry in the past'),
          ...guarded,
        },
      },
    },
    '/api/v1/silences/{id}': {
      delete: {
        summary: 'Lift a silence early',
        ...secured,
        requestParams: { path: z.object({ id: z.string() }) },
        responses: {
          '204': { description: 'Lifted' },
          ...guarded,
          '404': error('No silence in force of that id'),
        },
      },
    },
    '/api/v1/users': {
      get: {
        summary: 'Users an alert can be assigned to (duty officers and admins)',
        ...secured,
        requestParams: { query: UsersQuery },
        responses: {
          '200': { description: 'Users by name', ...json(UserList) },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
  }
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
