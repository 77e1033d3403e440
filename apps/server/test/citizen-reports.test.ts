import { readFileSync } from 'node:fs'
import { solveChallenge } from '@ioc/citizen'
import type {
  AlertList,
  AuditEntry,
  CitizenReport,
  CitizenReportChange,
  CitizenReportList,
  OperationsReport,
  PowChallenge,
} from '@ioc/domain'
import exifr from 'exifr'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { next, startTestServer, type TestServer } from './test-server'

const JPEG = readFileSync(new URL('./fixtures/flood.jpg', import.meta.url))
// fp-001 Võ Văn Kiệt × Hồ Học Lãm (Bình Tân), and a spot ~110 m north of it.
const FP001 = { lat: 10.722182, long: 106.611018 }
const NEAR_FP001 = { lat: 10.723182, long: 106.611018 }
// Huỳnh Tấn Phát, Quận 7, far from every flood point's 500 m.
const Q7 = { lat: 10.7392, long: 106.7331 }

type Fields = Record<string, string | number>

/** A citizen's app: asks a challenge, solves it, and posts the form (with a photo when given). */
function citizenOf(url: string) {
  const challenge = async () =>
    (await (await fetch(`${url}/open311/v2/challenge.json`)).json()) as PowChallenge
  const post = (form: FormData | URLSearchParams | string, headers: Record<string, string> = {}) =>
    fetch(`${url}/open311/v2/requests.json`, { method: 'POST', body: form, headers })
  const formOf = async (
    fields: Fields,
    photo?: { bytes: Buffer; type: string; name: string },
    pow: 'solve' | 'none' | 'wrong' = 'solve',
  ) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, String(v))
    if (pow !== 'none') {
      const c = await challenge()
      const nonce = await solveChallenge(c.challenge, c.bits)
      form.append('pow_challenge', c.challenge)
      // A nonce that does not solve it: the smallest solution is the first, so one below fails.
      form.append('pow_nonce', String(pow === 'wrong' ? (nonce === 0 ? 'x' : nonce - 1) : nonce))
    }
    if (photo) form.append('media', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name)
    return form
  }
  const submit = async (fields: Fields, photo?: { bytes: Buffer; type: string; name: string }) =>
    post(await formOf(fields, photo))
  const status = async (code: string) => fetch(`${url}/open311/v2/requests/${code}.json`)
  return { challenge, post, formOf, submit, status }
}

const codeOf = async (res: Response) => {
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`)
  return ((await res.json()) as { service_request_id: string }[])[0]?.service_request_id as string
}

describe('citizen reports', () => {
  let s: TestServer
  let citizen: ReturnType<typeof citizenOf>
  const tokens: Record<string, string> = {}
  const act = (who: string, code: string, kind: string, body: object = {}) =>
    s.api(`/citizen-reports/${code}/${kind}`, {
      method: 'POST',
      token: tokens[who] as string,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const stored = async () =>
    (
      (await (
        await s.api('/citizen-reports?status=all', { token: tokens.admin as string })
      ).json()) as CitizenReportList
    ).reports

  beforeAll(async () => {
    s = await startTestServer({
      CITIZEN_POW_BITS: '6',
      CITIZEN_REPORTS_PER_HOUR_PER_ADDRESS: '1000',
      CITIZEN_REPORTS_PER_HOUR_PER_DEVICE: '1000',
    })
    citizen = citizenOf(s.url)
    for (const who of ['admin', 'operator', 'duty-officer', 'analyst']) tokens[who] = await s.login(who)
  }, 60_000)
  afterAll(() => s.stop())

  test('Open311 lists the four services and the flood depth attributes', async () => {
    const services = (await (await fetch(`${s.url}/open311/v2/services.json`)).json()) as {
      service_code: string
    }[]
    expect(services.map((x) => x.service_code)).toEqual(['flood', 'jam', 'traffic-light', 'fallen-tree'])
    const flood = (await (await fetch(`${s.url}/open311/v2/services/flood.json`)).json()) as {
      attributes: { code: string }[]
    }
    expect(flood.attributes.map((a) => a.code)).toEqual(['depth', 'depth_cm'])
    expect((await fetch(`${s.url}/open311/v2/services/pothole.json`)).status).toBe(404)
  })

  describe('bad input: each a clear 4xx, nothing stored', () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)])
    const cases: [string, () => Promise<Response>, number, RegExp][] = [
      ['an empty form', async () => citizen.post(await citizen.formOf({})), 400, /service_code/],
      [
        'a JSON body',
        async () =>
          citizen.post(JSON.stringify({ service_code: 'jam', ...Q7 }), {
            'content-type': 'application/json',
          }),
        415,
        /multipart\/form-data/,
      ],
      [
        'an unknown service',
        async () => citizen.submit({ service_code: 'pothole', ...Q7 }),
        400,
        /service_code/,
      ],
      ['no location', async () => citizen.submit({ service_code: 'jam' }), 400, /lat/],
      [
        'a latitude that is no number',
        async () => citizen.submit({ service_code: 'jam', lat: 'abc', long: 106.7 }),
        400,
        /lat/,
      ],
      [
        'a place in Hà Nội',
        async () => citizen.submit({ service_code: 'jam', lat: 21.0278, long: 105.8342 }),
        400,
        /outside the city/,
      ],
      [
        'a place at sea off Vũng Tàu',
        async () => citizen.submit({ service_code: 'jam', lat: 10.3, long: 107.1 }),
        400,
        /outside the city/,
      ],
      [
        'a flood without a depth',
        async () => citizen.submit({ service_code: 'flood', ...FP001 }),
        400,
        /attribute\[depth\]/,
      ],
      [
        'a depth of 5 m',
        async () => citizen.submit({ service_code: 'flood', ...FP001, 'attribute[depth_cm]': 500 }),
        400,
        /300 cm/,
      ],
      [
        'a depth word that is none',
        async () => citizen.submit({ service_code: 'flood', ...FP001, 'attribute[depth]': 'neck' }),
        400,
        /attribute\[depth\]/,
      ],
      [
        'a text over 500 characters',
        async () => citizen.submit({ service_code: 'jam', ...Q7, description: 'kẹt '.repeat(126) }),
        400,
        /500 characters/,
      ],
      [
        'no proof of work',
        async () => citizen.post(await citizen.formOf({ service_code: 'jam', ...Q7 }, undefined, 'none')),
        400,
        /pow_challenge/,
      ],
      [
        'a wrong proof of work',
        async () => citizen.post(await citizen.formOf({ service_code: 'jam', ...Q7 }, undefined, 'wrong')),
        4,
        /pow_nonce/,
      ],
      [
        'a text file sent as a JPEG',
        async () =>
          citizen.submit(
            { service_code: 'jam', ...Q7 },
            { bytes: Buffer.from('hello, not a photo'), type: 'image/jpeg', name: 'a.jpg' },
          ),
        415,
        /JPEG, PNG or HEIC/,
      ],
      [
        'a cut-off JPEG',
        async () =>
          citizen.submit(
            { service_code: 'jam', ...Q7 },
            { bytes: JPEG.subarray(0, 700), type: 'image/jpeg', name: 'a.jpg' },
          ),
        400,
        /cannot be read/,
      ],
      [
        'a photo over 5 MB',
        async () =>
          citizen.submit({ service_code: 'jam', ...Q7 }, { bytes: big, type: 'image/jpeg', name: 'big.jpg' }),
        413,
        /5 MB/,
      ],
      [
        'two photos',
        async () => {
          const form = await citizen.formOf(
            { service_code: 'jam', ...Q7 },
            { bytes: JPEG, type: 'image/jpeg', name: 'a.jpg' },
          )
          form.append('media', new Blob([new Uint8Array(JPEG)], { type: 'image/jpeg' }), 'b.jpg')
          return citizen.post(form)
        },
        400,
        /media/,
      ],
    ]
    test.each(cases)('%s', async (_name, send, status, message) => {
      const res = await send()
      // A wrong nonce is 400 when it is no number, 403 when it just does not solve.
      if (status === 4) expect([400, 403]).toContain(res.status)
      else expect(res.status).toBe(status)
      const body = (await res.json()) as { code: number; description: string }[]
      expect(body[0]?.code).toBe(res.status)
      expect(body[0]?.description).toMatch(message)
      expect(await stored()).toEqual([])
    })
  })

  test('a flood report with a photo gets a code; its public status shows nothing personal', async () => {
    const code = await codeOf(
      await citizen.submit(
        {
          service_code: 'flood',
          ...Q7,
          'attribute[depth]': 'knee',
          description: 'Ngập tới gối, nhà số 12, ĐT 0903123456',
          device_id: 'dev-a',
        },
        { bytes: JPEG, type: 'image/jpeg', name: 'IMG_0001.JPG' },
      ),
    )
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const res = await citizen.status(code)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const [view] = (await res.json()) as Record<string, unknown>[]
    expect(view).toMatchObject({
      service_request_id: code,
      status: 'open',
      status_notes: null,
      service_code: 'flood',
      address: 'Quận 7',
      lat: 10.74,
      long: 106.73,
      ioc_status: 'new',
    })
    expect(JSON.stringify(view)).not.toMatch(/0903|gối|dev-a|10\.7392|media/)

    const staff = (await (
      await s.api(`/citizen-reports/${code}`, { token: tokens.operator as string })
    ).json()) as CitizenReport
    expect(staff).toMatchObject({
      category: 'flood',
      depthCm: 50,
      depthLevel: 'knee',
      district: 'Quận 7',
      hasPhoto: true,
    })
    const photo = await s.api(`/citizen-reports/${code}/photo`, { token: tokens.operator as string })
    expect(photo.headers.get('content-type')).toBe('image/jpeg')
    const bytes = Buffer.from(await photo.arrayBuffer())
    expect(await exifr.gps(JPEG)).toBeTruthy()
    expect(await exifr.parse(bytes, true)).toBeUndefined()
    // Staff only: anonymous and the analyst see no photo.
    expect((await fetch(`${s.url}/api/v1/citizen-reports/${code}/photo`)).status).toBe(401)
    expect((await s.api(`/citizen-reports/${code}/photo`, { token: tokens.analyst as string })).status).toBe(
      403,
    )
  })

  test('a verified flood becomes a citizen reading of the nearest flood sensor and raises its alert', async () => {
    const code = await codeOf(
      await citizen.submit({ service_code: 'flood', ...NEAR_FP001, 'attribute[depth_cm]': 45 }),
    )
    expect((await act('analyst', code, 'verify')).status).toBe(403)
    const res = await act('operator', code, 'verify')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'verified',
      verifiedBy: 'operator',
      stationId: 'fs-001',
    })
    const latest = await s.store.latestObservations()
    expect(latest.find((o) => o.type === 'water' && o.stationId === 'fs-001')).toMatchObject({
      value: 45,
      source: `citizen:${code}`,
    })
    const { alerts } = (await (
      await s.api('/alerts?state=open', { token: tokens.admin as string })
    ).json()) as AlertList
    expect(alerts.find((a) => a.key === 'street-flood:fs-001')).toMatchObject({
      severity: expect.any(String),
    })
    // Verifying twice is a conflict, and feeds nothing more.
    expect((await act('operator', code, 'verify')).status).toBe(409)
    const audit = (await (
      await s.api('/audit?limit=50', { token: tokens.admin as string })
    ).json()) as AuditEntry[]
    expect(audit.find((e) => e.action === 'citizen-report-verified' && e.target === code)).toMatchObject({
      actor: 'operator',
      reason: 'read into fs-001',
    })
  })

  test('only a duty officer answers; the citizen sees the answer, then the report closed', async () => {
    const code = await codeOf(
      await citizen.submit({ service_code: 'traffic-light', ...Q7, description: 'Đèn tắt' }),
    )
    expect((await act('operator', code, 'answer', { text: 'x' })).status).toBe(403)
    expect((await act('duty-officer', code, 'answer', { text: '' })).status).toBe(400)
    expect(
      (await act('duty-officer', code, 'answer', { text: 'Đã báo Sở GTVT, đội sửa đang đến' })).status,
    ).toBe(200)
    const [answered] = (await (await citizen.status(code)).json()) as Record<string, unknown>[]
    expect(answered).toMatchObject({ status: 'open', status_notes: 'Đã báo Sở GTVT, đội sửa đang đến' })
    expect((await act('duty-officer', code, 'resolve')).status).toBe(200)
    const [closed] = (await (await citizen.status(code)).json()) as Record<string, unknown>[]
    expect(closed).toMatchObject({ status: 'closed', ioc_status: 'resolved' })
  })

  test('two jam reports of one street within 500 m and an hour are suggested as one, and merged', async () => {
    const first = await codeOf(await citizen.submit({ service_code: 'jam', ...Q7 }))
    const second = await codeOf(
      await citizen.submit({ service_code: 'jam', lat: Q7.lat + 0.002, long: Q7.long }),
    )
    const list = (await (
      await s.api('/citizen-reports', { token: tokens.operator as string })
    ).json()) as CitizenReportList
    expect(list.duplicates[second]).toContain(first)
    expect((await act('operator', second, 'merge', { into: second })).status).toBe(409)
    expect((await act('operator', second, 'merge', { into: first })).status).toBe(200)
    expect((await act('duty-officer', first, 'answer', { text: 'CSGT đang phân luồng' })).status).toBe(200)
    // The sender of the merged report sees the answer given to the report it joined.
    const [view] = (await (await citizen.status(second)).json()) as Record<string, unknown>[]
    expect(view).toMatchObject({ status_notes: 'CSGT đang phân luồng', ioc_merged_into: first })
    expect((await act('operator', first, 'reject', { reason: '' })).status).toBe(400)
    expect((await act('operator', first, 'reject', { reason: 'Đã hết kẹt' })).status).toBe(200)
  })

  test('the operations report counts time to first answer and to close, per category and district', async () => {
    const now = Date.now()
    const res = await s.api(`/reports?from=${now - 3_600_000}&to=${now + 60_000}`, {
      token: tokens.admin as string,
    })
    const report = (await res.json()) as OperationsReport
    const city = report.sections[0]
    const light = city?.citizenReports.find((c) => c.category === 'traffic-light')
    expect(light).toMatchObject({ count: 1, firstAnswer: { n: 1 }, resolve: { n: 1 } })
    expect(light?.firstAnswer.medianS).toBeGreaterThanOrEqual(0)
    const q7 = report.sections.find((x) => x.district === 'Quận 7')
    expect(q7?.citizenReports.find((c) => c.category === 'jam')).toMatchObject({
      count: 2,
      resolve: { n: 1 },
    })
    const csv = await (
      await s.api(`/reports?from=${now - 3_600_000}&to=${now + 60_000}&format=csv`, {
        token: tokens.admin as string,
      })
    ).text()
    expect(csv).toMatch(/^Quận 7,citizen_first_answer,traffic-light,,n,1\r$/m)
  })

  test('staff who may see reports hear at once that one arrived or changed; the wall does not', async () => {
    const operator = s.socket({ auth: { token: tokens.operator as string } })
    const wall = s.socket({ auth: { token: s.displayToken } })
    await Promise.all([next(operator, 'state:snapshot'), next(wall, 'state:snapshot')])
    const heardByWall: unknown[] = []
    wall.on('citizen-report:changed', (c) => heardByWall.push(c))

    const arrived = next<CitizenReportChange>(operator, 'citizen-report:changed')
    const code = await codeOf(await citizen.submit({ service_code: 'fallen-tree', ...Q7 }))
    expect(await arrived).toEqual({ code, status: 'new', updatedAt: expect.any(Number) })
    const verified = next<CitizenReportChange>(operator, 'citizen-report:changed')
    expect((await act('operator', code, 'verify')).status).toBe(200)
    expect(await verified).toMatchObject({ code, status: 'verified' })
    expect(heardByWall).toEqual([])
  })

  test('anyone may ask for a status by code, but not list everyone’s reports', async () => {
    expect((await fetch(`${s.url}/open311/v2/requests.json`)).status).toBe(400)
    expect((await fetch(`${s.url}/open311/v2/requests/not-a-code.json`)).status).toBe(400)
    expect((await fetch(`${s.url}/open311/v2/requests/ZZZZ-ZZZZ.json`)).status).toBe(404)
  })
})

test('a device over its hourly limit gets 429, and so does an address, nothing stored', async () => {
  const s = await startTestServer({
    CITIZEN_POW_BITS: '4',
    CITIZEN_REPORTS_PER_HOUR_PER_ADDRESS: '4',
    CITIZEN_REPORTS_PER_HOUR_PER_DEVICE: '2',
  })
  try {
    const citizen = citizenOf(s.url)
    const send = async (device: string) =>
      (await citizen.submit({ service_code: 'jam', ...Q7, device_id: device })).status
    expect([await send('phone-1'), await send('phone-1'), await send('phone-1')]).toEqual([201, 201, 429])
    const res = await citizen.submit({ service_code: 'jam', ...Q7, device_id: 'phone-1' })
    expect(((await res.json()) as { description: string }[])[0]?.description).toMatch(
      /more than 2 reports an hour from this device/,
    )
    // The address has made 4 requests: another phone behind it is refused too.
    expect(await send('phone-2')).toBe(429)
    expect(await s.store.listCitizenReports({ limit: 10 })).toHaveLength(2)
  } finally {
    await s.stop()
  }
}, 60_000)

test('a partner app sends with its Open311 api_key: no proof of work, its own limit, a revoked key refused', async () => {
  const s = await startTestServer({
    CITIZEN_POW_BITS: '4',
    CITIZEN_REPORTS_PER_HOUR_PER_ADDRESS: '2',
    CITIZEN_REPORTS_PER_HOUR_PER_DEVICE: '2',
    CITIZEN_REPORTS_PER_HOUR_PER_KEY: '3',
  })
  try {
    const apiKey = newToken('open311-key')
    await s.store.createToken({
      kind: 'open311-key',
      name: 'ung-dung-q7',
      tokenHash: hashToken(apiKey),
      createdAt: 0,
    })
    const citizen = citizenOf(s.url)
    const send = async (fields: Fields) =>
      citizen.post(await citizen.formOf({ service_code: 'jam', ...Q7, ...fields }, undefined, 'none'))
    const description = async (res: Response) =>
      ((await res.json()) as { description: string }[])[0]?.description

    // Three citizens behind the partner's one server address: over the address limit of 2, under the key's 3.
    const codes = [
      await codeOf(await send({ api_key: apiKey })),
      await codeOf(await send({ api_key: apiKey, device_id: 'a' })),
    ]
    codes.push(await codeOf(await send({ api_key: apiKey, device_id: 'b' })))
    const overKey = await send({ api_key: apiKey })
    expect(overKey.status).toBe(429)
    expect(await description(overKey)).toMatch(/more than 3 reports an hour from this api_key/)
    const reports = await s.store.listCitizenReports({ limit: 10 })
    expect(reports.map((r) => r.via)).toEqual(['ung-dung-q7', 'ung-dung-q7', 'ung-dung-q7'])

    // Without a key the proof of work is still required; a wrong or another kind of token is refused.
    expect(await description(await send({}))).toMatch(/pow_challenge: required/)
    const wrong = await send({ api_key: `${apiKey.slice(0, -2)}xx` })
    expect([wrong.status, await description(wrong)]).toEqual([
      403,
      expect.stringMatching(/api_key: unknown or revoked/),
    ])
    expect((await send({ api_key: newToken('ingest-key') })).status).toBe(403)

    // The key opens nothing of the staff API, and once revoked nothing at all.
    expect((await s.api('/alerts', { token: apiKey })).status).toBe(401)
    await s.store.revokeToken('open311-key', 'ung-dung-q7', Date.now())
    expect((await send({ api_key: apiKey })).status).toBe(403)
    expect(await s.store.listCitizenReports({ limit: 10 })).toHaveLength(3)
  } finally {
    await s.stop()
  }
}, 60_000)
