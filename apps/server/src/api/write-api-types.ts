// `pnpm api:types`: writes the web client's types from the OpenAPI document. Run after changing a route.
import { writeFile } from 'node:fs/promises'
import { API_TYPES_PATH, renderApiTypes } from './api-types'

const out = new URL(`../../../../${API_TYPES_PATH}`, import.meta.url)
await writeFile(out, await renderApiTypes())
process.stdout.write(`wrote ${API_TYPES_PATH}\n`)
