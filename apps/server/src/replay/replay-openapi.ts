import { ApiError, Incident, IncidentList, IncidentPatch, NewIncident, Observation } from '@ioc/domain'
import { z } from 'zod'
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi'
import { CSV_HEADER, ExportParams } from './export-route'
import { IncidentQuery } from './incident-routes'

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } })
// Inline, not `.meta({ id })`: a second schema under the id of api/openapi.ts's ApiError is refused.
const error = (description: string) => ({ description, ...json(ApiError) })
const secured: Pick<ZodOpenApiOperationObject, 'security'> = { security: [{ bearer: [] }, { session: [] }] }
const guarded = {
  '401': error('Not signed in, or the token is unknown, expired or revoked'),
  '403': error('The caller lacks the permission this route needs'),
}
const incidentId = { path: z.object({ id: z.string().meta({ description: 'Incident id' }) }) }
const noIncident = { '404': error('No incident of that id') }
const IncidentSchema = Incident.meta({ id: 'Incident' })

/**
 * Incidents (bookmarked replay ranges) and the export: the replay routes' part of API_PATHS
 * (api/openapi.ts). The replay itself runs over Socket.IO (`replay:*`, packages/domain/src/live.ts).
 */
export const REPLAY_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/incidents': {
    post: {
      summary: 'Bookmark a time range with a title and notes (analysts)',
      description: 'The web opens it in the replay at `/replay?incident=<id>`.',
      ...secured,
      requestBody: json(NewIncident),
      responses: {
        '201': { description: 'Created', ...json(IncidentSchema) },
        '400': error('A missing title or a range whose from is not before to'),
        ...guarded,
      },
    },
    get: {
      summary: 'Incidents, newest first, optionally searched in title and notes',
      ...secured,
      requestParams: { query: IncidentQuery },
      responses: {
        '200': { description: 'Incidents', ...json(IncidentList) },
        '400': error('A bad query parameter'),
        ...guarded,
      },
    },
  },
  '/api/v1/incidents/{id}': {
    get: {
      summary: 'One incident',
      ...secured,
      requestParams: incidentId,
      responses: {
        '200': { description: 'The incident', ...json(IncidentSchema) },
        ...guarded,
        ...noIncident,
      },
    },
    patch: {
      summary: 'Change the title, notes or range of an incident',
      ...secured,
      requestParams: incidentId,
      requestBody: json(IncidentPatch),
      responses: {
        '200': { description: 'The incident as changed', ...json(IncidentSchema) },
        '400': error('An invalid change'),
        ...guarded,
        ...noIncident,
      },
    },
    delete: {
      summary: 'Delete an incident',
      ...secured,
      requestParams: incidentId,
      responses: { '204': { description: 'Deleted' }, ...guarded, ...noIncident },
    },
  },
  '/api/v1/export': {
    get: {
      summary: 'Observations and alerts of a range, streamed (analysts, admins)',
      description:
        'NDJSON lines are observations as `POST /observations` takes them (so an export imports again), ' +
        'then the alerts raised in the range as `{"type":"alert", …Alert}`. CSV has one header and a `record` column.',
      ...secured,
      requestParams: { query: ExportParams },
      responses: {
        '200': {
          description: 'The export, as an attachment',
          content: {
            'application/x-ndjson': { schema: Observation },
            'text/csv': { schema: z.string().meta({ description: CSV_HEADER.trim() }) },
          },
        },
        '400': error('A bad query parameter'),
        ...guarded,
      },
    },
  },
}
