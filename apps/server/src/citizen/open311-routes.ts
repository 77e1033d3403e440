import {
  CITIZEN_PHOTO_MAX_BYTES,
  type CitizenReport,
  CitizenReportCode,
  type ErrorCode,
  HTTP_STATUS,
  NewCitizenReport,
  type PublicCitizenReport,
} from '@ioc/domain'
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import multer from 'multer'
import { z } from 'zod'
import { createPublicCache } from '../public/public-cache'
import type { PublicConfig } from '../public/public-config'
import { publicRouter } from '../public/public-router'
import type { CitizenConfig } from './citizen-config'
import type { CitizenService } from './citizen-service'
import { FLOOD_SERVICE_DEFINITION, OPEN311_SERVICES } from './open311-services'
import { createPowChallenges } from './pow-challenges'
import { processPhoto } from './process-photo'

/** GeoReport v2 errors: an array of `{ code, description }` with the HTTP status as code. */
export function sendOpen311Error(res: Response, code: ErrorCode, description: string): void {
  res.status(HTTP_STATUS[code]).json([{ code: HTTP_STATUS[code], description }])
}

/** A request as GeoReport v2 shows it, with only what anyone may see (PublicCitizenReport). */
export function toOpen311Request(r: PublicCitizenReport) {
  return {
    service_request_id: r.code,
    status: r.open311Status,
    status_notes: r.answer,
    service_name: OPEN311_SERVICES.find((s) => s.service_code === r.category)?.service_name,
    service_code: r.category,
    requested_datetime: new Date(r.createdAt).toISOString(),
    updated_datetime: new Date(r.updatedAt).toISOString(),
    address: r.district,
    lat: r.coarseLocation[1],
    long: r.coarseLocation[0],
    /** Extensions: the status in full, and the report a merged one joined. */
    ioc_status: r.status,
    ioc_merged_into: r.mergedInto,
  }
}

const NO_CHALLENGE = 'required (or a partner api_key): fetch one from /open311/v2/challenge.json'
const Solution = z.object({
  pow_challenge: z.string({ error: NO_CHALLENGE }).min(1, NO_CHALLENGE).max(300),
  pow_nonce: z.coerce.number().int().nonnegative(),
})

/** multer turns `attribute[depth]` into `{ attribute: { depth } }`; GeoReport names it flat. */
function flatten(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(body ?? {})) {
    if (k === 'attribute' && v && typeof v === 'object')
      for (const [a, av] of Object.entries(v)) out[`attribute[${a}]`] = av
    else out[k] = v
  }
  return out
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2, behind the public
 * front (any origin, rate-limited per address): services, a new request (form or multipart with a
 * `media` photo), a request's public status. Extensions: `challenge.json` and the `pow_challenge` /
 * `pow_nonce` fields of the proof of work every new request must carry, unless it carries a partner
 * app's `api_key` (`ioc open311-keys add`). Nothing is stored unless the whole request is good.
 */
export function open311Routes(deps: {
  publicConfig: PublicConfig
  config: CitizenConfig
  citizen: CitizenService
  /** The partner app an Open311 `api_key` belongs to, or null if it is unknown or revoked. */
  partnerOf: (apiKey: string) => Promise<string | null>
  now?: () => number
}): Router {
  const { citizen, config } = deps
  const challenges = createPowChallenges({ bits: config.powBits, secret: config.powSecret })
  const now = deps.now ?? Date.now
  const router = publicRouter(deps.publicConfig, ['GET', 'HEAD', 'POST'])
  const cache = createPublicCache({ maxAgeS: deps.publicConfig.cacheMaxAgeS })
  const json = (req: Request, res: Response, body: unknown) =>
    cache.send(req, res, JSON.stringify(body), 'application/json')

  router.get('/services.json', cache.serveCached, (req, res) => json(req, res, OPEN311_SERVICES))
  router.get('/services/:code.json', cache.serveCached, (req, res) => {
    const service = OPEN311_SERVICES.find((s) => s.service_code === req.params.code)
    if (!service) return sendOpen311Error(res, 'not_found', `service_code: no service "${req.params.code}"`)
    json(
      req,
      res,
      service.metadata ? FLOOD_SERVICE_DEFINITION : { service_code: service.service_code, attributes: [] },
    )
  })

  router.get('/challenge.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(challenges.issue(now()))
  })

  const limited = (
    limit: number,
    what: string,
    keyGenerator?: (req: Request, res: Response) => string,
    skip?: (req: Request, res: Response) => boolean,
  ): RequestHandler =>
    rateLimit({
      windowMs: 3_600_000,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: what,
      ...(keyGenerator && { keyGenerator }),
      ...(skip && { skip }),
      handler: (_req, res) =>
        sendOpen311Error(
          res,
          'rate_limited',
          `more than ${limit} reports an hour from this ${what}; try again later`,
        ),
    })
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: CITIZEN_PHOTO_MAX_BYTES, files: 1, fields: 30, fieldSize: 16 * 1024 },
  }).single('media')
  const uploadErrors: ErrorRequestHandler = (err, _req, res, next) => {
    if (!(err instanceof multer.MulterError)) return next(err)
    if (err.code === 'LIMIT_FILE_SIZE')
      return sendOpen311Error(
        res,
        'payload_too_large',
        `media: the photo is over ${CITIZEN_PHOTO_MAX_BYTES / 1024 / 1024} MB`,
      )
    if (err.code === 'LIMIT_FILE_COUNT')
      return sendOpen311Error(res, 'invalid_request', 'media: send one photo at most')
    if (err.code === 'LIMIT_UNEXPECTED_FILE')
      return sendOpen311Error(
        res,
        'invalid_request',
        `${err.field}: no file expected here; a photo goes in media`,
      )
    sendOpen311Error(res, 'invalid_request', `${err.field ?? 'body'}: ${err.message}`)
  }
  const requireForm: RequestHandler = (req, res, next) => {
    if (req.is(['multipart/form-data', 'application/x-www-form-urlencoded'])) return next()
    sendOpen311Error(
      res,
      'unsupported_media_type',
      'send multipart/form-data or application/x-www-form-urlencoded',
    )
  }

  /** A partner app's `api_key` (GeoReport v2 puts it among the POST fields; the query string is taken too). */
  const identifyPartner: RequestHandler = async (req, res, next) => {
    const body = req.body as { api_key?: unknown } | undefined
    const key = body?.api_key ?? req.query.api_key
    if (key === undefined) return next()
    const partner = typeof key === 'string' ? await deps.partnerOf(key) : null
    if (partner === null)
      return sendOpen311Error(res, 'forbidden', 'api_key: unknown or revoked; ask the city for a partner key')
    res.locals.partner = partner
    next()
  }
  const partnerIn = (res: Response): string | undefined => res.locals.partner

  router.post(
    '/requests.json',
    requireForm,
    express.urlencoded({ extended: false, limit: '32kb' }),
    upload,
    uploadErrors,
    identifyPartner,
    // A partner's server sends for many citizens from one address: its key is limited instead.
    limited(
      config.perHourPerKey,
      'api_key',
      (_req, res) => `key:${partnerIn(res)}`,
      (_req, res) => !partnerIn(res),
    ),
    limited(config.perHourPerAddress, 'address', undefined, (_req, res) => partnerIn(res) !== undefined),
    limited(
      config.perHourPerDevice,
      'device',
      (req, res) => {
        const device = (req.body as { device_id?: unknown } | undefined)?.device_id
        return typeof device === 'string' && device
          ? `device:${partnerIn(res) ?? ''}:${device.slice(0, 100)}`
          : ipKeyGenerator(req.ip ?? '')
      },
      // Without a device_id a partner's requests would all count as its server's one address.
      (req, res) => partnerIn(res) !== undefined && !(req.body as { device_id?: unknown }).device_id,
    ),
    (async (req: Request, res: Response) => {
      const body = flatten(req.body as Record<string, unknown>)
      const input = NewCitizenReport.safeParse(body)
      if (!input.success) {
        const i = input.error.issues[0]
        return sendOpen311Error(res, 'invalid_request', `${i?.path.join('.') || 'body'}: ${i?.message}`)
      }
      const partner = partnerIn(res) ?? null
      if (partner === null) {
        const solution = Solution.safeParse(body)
        if (!solution.success) {
          const i = solution.error.issues[0]
          return sendOpen311Error(res, 'invalid_request', `${i?.path.join('.')}: ${i?.message}`)
        }
        // Before the photo is decoded, the costly part; a solution is spent even if the photo is then refused.
        const paid = await challenges.redeem(solution.data.pow_challenge, solution.data.pow_nonce, now())
        if (!paid.ok) return sendOpen311Error(res, 'forbidden', paid.error)
      }
      const file = req.file
      let photo = null
      if (file) {
        const processed = await processPhoto(file.buffer)
        if (!processed.ok) return sendOpen311Error(res, processed.error.code, processed.error.message)
        photo = processed.value
      }
      const stored = await citizen.submit(input.data, photo, now(), partner)
      if (!stored.ok) return sendOpen311Error(res, stored.error.code, stored.error.message)
      const r: CitizenReport = stored.value
      res
        .status(201)
        .location(`/open311/v2/requests/${r.code}.json`)
        .json([
          {
            service_request_id: r.code,
            service_notice: 'Đã nhận phản ánh / Report received',
            account_id: null,
          },
        ])
    }) as RequestHandler,
  )

  router.get('/requests/:code.json', async (req, res) => {
    const code = CitizenReportCode.safeParse(req.params.code)
    if (!code.success)
      return sendOpen311Error(res, 'invalid_request', `service_request_id: ${code.error.issues[0]?.message}`)
    const view = await citizen.publicView(code.data)
    if (!view) return sendOpen311Error(res, 'not_found', `service_request_id: no request "${code.data}"`)
    // Never cached: the citizen reloads to see the operator's answer.
    res.set('Cache-Control', 'no-store').json([toOpen311Request(view)])
  })

  // Only requests named by id: a list of everyone's reports would show unverified ones to anyone.
  router.get('/requests.json', async (req, res) => {
    const ids = String(req.query.service_request_id ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (!ids.length)
      return sendOpen311Error(
        res,
        'invalid_request',
        'service_request_id: name the requests (comma-separated ids)',
      )
    if (ids.length > 50)
      return sendOpen311Error(res, 'invalid_request', 'service_request_id: at most 50 at a time')
    const views = []
    for (const id of ids) {
      const view = CitizenReportCode.safeParse(id).success ? await citizen.publicView(id) : null
      if (view) views.push(toOpen311Request(view))
    }
    res.set('Cache-Control', 'no-store').json(views)
  })

  router.use((req, res) =>
    sendOpen311Error(res, 'not_found', `no route ${req.method} /open311/v2${req.path}`),
  )
  return router
}
