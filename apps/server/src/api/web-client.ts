import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Express } from 'express'

/** Paths that belong to the server itself, never to the web app's client-side routes. */
const SERVER_PATHS = /^\/(api|socket\.io|metrics|open311|sta|open-data|cap)(\/|$)/

/** Serves the built web client when `dir` holds one (`pnpm --filter @ioc/web build`); returns whether it did. */
export function serveWebClient(app: Express, dir: string): boolean {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return false
  // Vite fingerprints everything under assets/, so it can be cached for good.
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }))
  app.use(express.static(dir, { index: false }))
  // Every other page a browser asks for is a client-side route (/wall, /alerts, /replay?incident=…,
  // /reports, …): a reload or a shared link must get the app, which then routes (and shows its own 404).
  app.use((req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      SERVER_PATHS.test(req.path) ||
      !req.accepts('html')
    )
      return next()
    res.set('Cache-Control', 'no-cache').sendFile(index)
  })
  return true
}
