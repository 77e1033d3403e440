import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Express } from 'express'

/** Client-side routes of the web app; a reload on any of them must get index.html. */
const SPA_ROUTES = ['/', '/wall{/*rest}', '/alerts{/*rest}', '/replay{/*rest}', '/login']

/** Serves the built web client when `dir` holds one (`pnpm --filter @ioc/web build`); returns whether it did. */
export function serveWebClient(app: Express, dir: string): boolean {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return false
  // Vite fingerprints everything under assets/, so it can be cached for good.
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }))
  app.use(express.static(dir, { index: false }))
  app.get(SPA_ROUTES, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(index)
  })
  return true
}
