import type { OpenAPI3 } from 'openapi-typescript'
import openapiTS, { astToString } from 'openapi-typescript'
import { createOpenApiDocument } from './openapi'

/** Where the web client's generated types live, from the repository root. */
export const API_TYPES_PATH = 'apps/web/src/api/api-paths.ts'

const HEADER =
  '// Generated from the OpenAPI document (apps/server/src/api/openapi.ts) by `pnpm api:types`; do not edit.\n' +
  '// tests/api/api-types.test.ts fails when this file no longer matches the document.\n'

/**
 * The TypeScript form of the OpenAPI document: `paths` typed for openapi-fetch. The network version is
 * left out of the document's info (it is not part of any type), so the output depends on the routes only.
 */
export async function renderApiTypes(): Promise<string> {
  const doc = createOpenApiDocument('types') as OpenAPI3
  return HEADER + astToString(await openapiTS(doc))
}
