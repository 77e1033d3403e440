import {
  AckBody,
  AssignBody,
  NewShiftHandover,
  OperationalIncident,
  OperationalIncidentDetail,
  OperationalIncidentList,
  OperationalIncidentQuery,
  ResolveBody,
  ShiftHandover,
  ShiftHandoverList,
  TickBody,
} from '@ioc/domain'
import { z } from 'zod'
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiParts } from '../forecast/forecast-openapi'
import { HandoverDraftQuery, HandoverListQuery } from './operational-incident-routes'

/** Operational incidents and shift handovers: their part of API_PATHS (api/openapi.ts). */
export function incidentPaths({ json, error, secured, guarded }: OpenApiParts): ZodOpenApiPathsObject {
  const IncidentSchema = OperationalIncident.meta({ id: 'OperationalIncident' })
  const HandoverSchema = ShiftHandover.meta({ id: 'ShiftHandover' })
  const byId = (what: string) => ({ path: z.object({ id: z.string().meta({ description: `${what} id` }) }) })
  const action = (
    summary: string,
    body: z.ZodType,
    conflict: string,
  ): { post: ZodOpenApiOperationObject } => ({
    post: {
      summary,
      description:
        'Needs alerts:act (duty officers, admins). Recorded in the incident trail with the alerts it changed ' +
        'and those that refused; each alert keeps its own transition. Pushed as `operational-incident:changed`.',
      ...secured,
      requestParams: byId('Incident'),
      requestBody: json(body),
      responses: {
        '200': { description: 'The incident after the action', ...json(IncidentSchema) },
        '400': error('A bad body, an unknown step or assignee'),
        ...guarded,
        '404': error('No incident of that id'),
        '409': error(conflict),
      },
    },
  })
  return {
    '/api/v1/operational-incidents': {
      get: {
        summary: 'Operational incidents (alerts grouped by cause), newest first',
        description:
          'Not the replay bookmarks of `/api/v1/incidents`. `state=open` (default) is every incident with an unresolved alert.',
        ...secured,
        requestParams: { query: OperationalIncidentQuery },
        responses: {
          '200': { description: 'The incidents', ...json(OperationalIncidentList) },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
    '/api/v1/operational-incidents/{id}': {
      get: {
        summary: 'One incident and its trail, oldest first',
        ...secured,
        requestParams: byId('Incident'),
        responses: {
          '200': { description: 'The incident', ...json(OperationalIncidentDetail) },
          ...guarded,
          '404': error('No incident of that id'),
        },
      },
    },
    '/api/v1/operational-incidents/{id}/ack': action(
      'Acknowledge an incident: each of its unacknowledged alerts',
      AckBody,
      'Every alert refused (acknowledged by someone else meanwhile), or the incident is resolved',
    ),
    '/api/v1/operational-incidents/{id}/assign': action(
      'Assign an incident (each of its open alerts) to a duty officer',
      AssignBody,
      'The incident is resolved',
    ),
    '/api/v1/operational-incidents/{id}/tick': action(
      'Tick (or untick) a step of one of the incident’s procedures',
      TickBody,
      'The incident is resolved',
    ),
    '/api/v1/operational-incidents/{id}/resolve': action(
      'Resolve an incident: each of its open alerts, with one note',
      ResolveBody,
      'Every alert refused (still active without force), or the incident is resolved',
    ),
    '/api/v1/handovers/draft': {
      get: {
        summary: 'The handover of a shift as of now, not stored: open incidents and what was done',
        ...secured,
        requestParams: { query: HandoverDraftQuery },
        responses: {
          '200': { description: 'The draft', ...json(HandoverSchema) },
          '400': error('A bad query parameter, or from not before to'),
          ...guarded,
        },
      },
    },
    '/api/v1/handovers': {
      post: {
        summary: 'Write the handover note of a shift (duty officers)',
        ...secured,
        requestBody: json(NewShiftHandover),
        responses: {
          '201': { description: 'Stored', ...json(HandoverSchema) },
          '400': error('A bad body'),
          ...guarded,
        },
      },
      get: {
        summary: 'Handover notes, newest first',
        ...secured,
        requestParams: { query: HandoverListQuery },
        responses: {
          '200': { description: 'The handovers', ...json(ShiftHandoverList) },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
    '/api/v1/handovers/{id}': {
      get: {
        summary: 'One handover note',
        ...secured,
        requestParams: byId('Handover'),
        responses: {
          '200': { description: 'The handover', ...json(HandoverSchema) },
          ...guarded,
          '404': error('No handover of that id'),
        },
      },
    },
  }
}
