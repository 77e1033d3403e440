#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx's ESM loader: the workspace ships TS source, not builds.
import { register } from 'tsx/esm/api'

register()
await import('../node/cli.ts')
