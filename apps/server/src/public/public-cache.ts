import { createHash } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { LRUCache } from 'lru-cache'

interface CachedAnswer {
  body: Buffer
  type: string
  etag: string
}

export interface PublicCache {
  /** Answers a GET or HEAD from the cache when the same URL was answered less than max-age ago. */
  serveCached: RequestHandler
  /**
   * Sends `body` as `type` (the whole Content-Type, charset included) with a strong ETag and `Cache-Control: public` (Express answers 304 to a matching
   * If-None-Match), and keeps it for the next requests of the same URL.
   */
  send(req: Request, res: Response, body: string | Buffer, type: string): void
}

/**
 * A bounded in-memory cache of public answers keyed by URL (host, path and query: answers may carry
 * absolute links), for data that anyone may read: nothing in it depends on who asks. `maxAgeS` 0 keeps
 * nothing and sends `no-cache`.
 */
export function createPublicCache(options: { maxAgeS: number; maxBytes?: number }): PublicCache {
  const { maxAgeS } = options
  const cache =
    maxAgeS > 0
      ? new LRUCache<string, CachedAnswer>({
          maxSize: options.maxBytes ?? 64 * 1024 * 1024,
          sizeCalculation: (a) => a.body.length + 200,
          ttl: maxAgeS * 1000,
        })
      : null
  const cacheControl = maxAgeS > 0 ? `public, max-age=${maxAgeS}` : 'public, no-cache'

  const answer = (req: Request, res: Response, a: CachedAnswer) => {
    res.set({ ETag: a.etag, 'Cache-Control': cacheControl })
    // Checked here, not by Express's req.fresh: that treats a request's `Cache-Control: no-cache` (which
    // fetch() adds to every conditional request) as a reload and never answers 304 to it.
    if (matchesIfNoneMatch(req.headers['if-none-match'], a.etag)) return void res.status(304).end()
    // The body is final bytes with its own validator: Express's send() would only redo that work.
    res.set({ 'Content-Type': a.type, 'Content-Length': String(a.body.length) })
    res.end(req.method === 'HEAD' ? undefined : a.body)
  }

  return {
    serveCached(req, res, next) {
      const hit = (req.method === 'GET' || req.method === 'HEAD') && cache?.get(keyOf(req))
      if (hit) return answer(req, res, hit)
      next()
    },
    send(req, res, body, type) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body
      const a = { body: bytes, type, etag: strongEtag(bytes) }
      cache?.set(keyOf(req), a)
      answer(req, res, a)
    },
  }
}

const keyOf = (req: Request) => `${req.protocol}://${req.get('host')}${req.originalUrl}`

/** A strong validator: the body's SHA-1, so equal bodies on any instance carry equal tags. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly, and `*` matches any current answer. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag))
}
