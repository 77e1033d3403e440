import { createHash } from 'node:crypto'
import { capToXml, warningFeed } from '@ioc/cap'
import type { Router } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { createPublicCache } from '../public/public-cache'
import { publicRouter } from '../public/public-router'

/** The newest messages the feed lists; older ones stay readable one by one. */
const FEED_ENTRIES = 200

const FEED_TITLE = {
  vi: 'Cảnh báo công cộng — Trung tâm điều hành thông minh TP.HCM',
  en: 'Public warnings — Ho Chi Minh City Intelligent Operations Center',
}

export const FeedQuery = z.object({
  lang: z.enum(['vi', 'en']).default('vi').meta({ description: 'Language of titles and summaries' }),
})

/** A name-based UUID of the sender (RFC 9562 §5.5 layout): the feed's permanent id, on any instance. */
function feedUuid(sender: string): string {
  const h = createHash('sha1').update(`cap-feed:${sender}`).digest('hex')
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/**
 * The public face of the warnings, anonymous and read-only: an Atom feed of the published CAP messages
 * (`/cap/feed.atom`) and each message (`/cap/<identifier>.xml`). Drafts, rejected and superseded
 * messages are not there, and nothing of who decided.
 */
export function capRoutes(ctx: ServerContext): Router {
  const router = publicRouter(ctx.config.public)
  const cache = createPublicCache({ maxAgeS: ctx.config.public.cacheMaxAgeS })
  const { sender } = ctx.config.warnings.source

  router.get('/feed.atom', cache.serveCached, async (req, res) => {
    const q = FeedQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'lang must be vi or en')
    const published = await ctx.store.listWarnings({ state: 'published', limit: FEED_ENTRIES })
    const xml = warningFeed(published, {
      id: `urn:uuid:${feedUuid(sender)}`,
      title: FEED_TITLE[q.data.lang],
      author: FEED_TITLE[q.data.lang].split(' — ')[1] as string,
      selfHref: `/cap/feed.atom${q.data.lang === 'en' ? '?lang=en' : ''}`,
      messageHref: (id) => `/cap/${id}.xml`,
      lang: q.data.lang,
    })
    cache.send(req, res, xml, 'application/atom+xml; charset=utf-8')
  })

  router.get('/:file', cache.serveCached, async (req, res) => {
    const id = /^(.+)\.xml$/.exec(req.params.file as string)?.[1]
    const w = id ? await ctx.store.getWarning(id) : null
    if (w?.state !== 'published')
      return sendError(res, 'not_found', `no published CAP message "${req.params.file}"`)
    cache.send(req, res, capToXml(w.message), 'application/cap+xml; charset=utf-8')
  })
  return router
}
