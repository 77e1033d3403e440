#!/usr/bin/env node
// The server runs from its TypeScript source, like every workspace package; tsx compiles on load.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
