import {
  ApproveWarningBody,
  PublicWarning,
  PublicWarningList,
  RejectWarningBody,
  WarningQuery,
  WarningSettings,
} from '@ioc/domain'
import { z } from 'zod'
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiParts } from '../forecast/forecast-openapi'

/** The public-warning routes' part of API_PATHS (api/openapi.ts); the public /cap/ side is XML, not here. */
export function warningPaths({ json, error, secured, guarded }: OpenApiParts): ZodOpenApiPathsObject {
  const WarningSchema = PublicWarning.meta({ id: 'PublicWarning' })
  const warningId = {
    path: z.object({ id: z.string().meta({ description: 'Warning id (its CAP identifier)' }) }),
  }
  const decision = (
    summary: string,
    description: string,
    body: z.ZodType,
    ok: string,
  ): ZodOpenApiOperationObject => ({
    summary,
    description: `${description} Needs alerts:act (duty officers, admins); written to the audit log.`,
    ...secured,
    requestParams: warningId,
    requestBody: json(body),
    responses: {
      '200': { description: ok, ...json(WarningSchema) },
      '400': error('A missing reason'),
      ...guarded,
      '404': error('No warning of that id'),
      '409': error(
        'The warning was decided already (who and when are named), or there is nothing to withdraw',
      ),
    },
  })
  return {
    '/api/v1/warnings': {
      get: {
        summary:
          'Public warnings (CAP 1.2 messages), newest first: the drafts awaiting a duty officer and the rest',
        description:
          'Each alert of báo động II/III, a flooded street or a forecast crossing gets CAP messages: an Alert, ' +
          'Updates when its level changes, an all-clear Update when it ends. Published ones are public at ' +
          '`/cap/feed.atom` and `/cap/<id>.xml`.',
        ...secured,
        requestParams: { query: WarningQuery },
        responses: {
          '200': { description: 'Warnings', ...json(PublicWarningList) },
          '400': error('A bad query parameter'),
          ...guarded,
        },
      },
    },
    '/api/v1/warnings/settings': {
      get: {
        summary: 'How each alert kind’s warnings are published: at once (auto) or after approval',
        description: 'From the server’s CAP_AUTO_PUBLISH.',
        ...secured,
        responses: {
          '200': { description: 'The setting per alert kind', ...json(WarningSettings) },
          ...guarded,
        },
      },
    },
    '/api/v1/warnings/{id}/approve': {
      post: decision(
        'Publish a pending draft',
        'Its CAP `sent` is the moment of approval.',
        ApproveWarningBody,
        'Published',
      ),
    },
    '/api/v1/warnings/{id}/reject': {
      post: decision(
        'Reject a pending draft, with a reason',
        'It is never public; the next change of its alert proposes again.',
        RejectWarningBody,
        'Rejected',
      ),
    },
    '/api/v1/warnings/{id}/withdraw': {
      post: decision(
        'Withdraw the published messages of this warning’s alert, with a reason',
        'Publishes a CAP Cancel referencing every message of the alert; the reason is its description.',
        RejectWarningBody,
        'The Cancel, published',
      ),
    },
  }
}
