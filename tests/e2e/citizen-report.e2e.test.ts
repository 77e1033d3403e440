import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  deckLayerCounts,
  distinctColours,
  launchBrowser,
  openPage,
  screenshot,
  waitForMapIdle,
} from './browser'
import { type E2eServer, startE2eServer } from './e2e-server'

// A phone photo whose EXIF carries a GPS position (apps/server/test/fixtures, see process-photo.test.ts).
const PHOTO = fileURLToPath(new URL('../../apps/server/test/fixtures/flood.jpg', import.meta.url))
// ~110 m north of flood point fp-001, Võ Văn Kiệt × Hồ Học Lãm (Bình Tân).
const NEAR_FP001 = { latitude: 10.723182, longitude: 106.611018 }
const ANSWER = 'Đã cử đội thoát nước đến bơm, dự kiến hết ngập trong 1 giờ'

let server: E2eServer
let browser: Browser

beforeAll(async () => {
  // The real proof of work (16 bits), solved by Chromium's WebCrypto.
  server = await startE2eServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('a citizen reports a flood with a photo from a phone; the duty officer verifies and answers; the citizen sees the answer', async () => {
  // The citizen: a 390×844 phone, GPS on, no sign-in, nothing but the server reachable.
  const phone = await openPage(browser, server.url, { width: 390, height: 844 }, 2)
  await phone.page.context().grantPermissions(['geolocation'], { origin: server.url })
  await phone.page.context().setGeolocation(NEAR_FP001)
  await phone.page.goto(`${server.url}/report`)
  await phone.page.getByRole('heading', { name: 'Báo ngập, kẹt xe, đèn hỏng, cây ngã' }).waitFor()
  // The public page downloads no staff code and no map engine until the map is asked for.
  const scripts = await phone.page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''),
  )
  expect(scripts.filter((s) => /desk|console|alert|map-engine|live-map|replay/.test(s))).toEqual([])

  await phone.page.getByText('Đường ngập').click()
  await phone.page.getByText('Đầu gối (~50 cm)').click()
  await phone.page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click()
  await expect
    .poll(() => phone.page.getByTestId('citizen-location').textContent())
    .toMatch(/10\.72318, 106\.61102/)
  // The offline map: a tap on it moves the report there (here: its centre, where the GPS put it).
  await phone.page.getByRole('button', { name: 'Chọn trên bản đồ' }).click()
  const map = phone.page.getByTestId('citizen-map')
  await phone.page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>('[data-testid="citizen-map"]')?.dataset.idle ?? 0) > 0,
    undefined,
    { timeout: 150_000 },
  )
  const box = await map.boundingBox()
  if (!box) throw new Error('no map on the page')
  await phone.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 20)
  await expect
    .poll(() => phone.page.getByTestId('citizen-location').textContent())
    .toMatch(/10\.72\d+, 106\.61\d+/)
  await phone.page.locator('input[type="file"]').setInputFiles(PHOTO)
  await phone.page.getByRole('textbox').fill('Nước ngập tới gối, xe máy chết máy giữa đường')
  await screenshot(phone.page, 'citizen-report-form-phone-vi')
  await phone.page.getByRole('button', { name: 'Gửi phản ánh' }).click()
  await phone.page.getByText('Cảm ơn bạn! Đã nhận phản ánh.').waitFor({ timeout: 60_000 })
  const code = (await phone.page.getByTestId('tracking-code').textContent()) ?? ''
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  expect(phone.page.url()).toBe(`${server.url}/report/${code}`)
  await expect
    .poll(() => phone.page.getByTestId('report-status').textContent())
    .toBe('Đã nhận, đang chờ xem xét')
  await screenshot(phone.page, 'citizen-report-sent-phone-vi')

  // The duty officer: the report in the console, with its photo; verify, then answer.
  const desk = await openPage(browser, server.url, { width: 1440, height: 900 })
  await server.signIn(desk.page, server.users['duty-officer'])
  await desk.page.getByRole('link', { name: 'Phản ánh' }).click()
  await desk.page.getByRole('heading', { name: 'Phản ánh của người dân' }).waitFor()
  await desk.page.getByRole('button', { name: new RegExp(code) }).click()
  const detail = desk.page.getByRole('article', { name: code })
  await expect
    .poll(() =>
      detail
        .getByRole('img', { name: 'Ảnh của người dân' })
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(480)
  await detail.getByRole('button', { name: 'Xác minh' }).click()
  await detail.getByText('Đã đưa vào cảm biến fs-001').waitFor()
  await detail.getByLabel('Câu trả lời (hiển thị công khai)').fill(ANSWER)
  await detail.getByRole('button', { name: 'Gửi trả lời' }).click()
  await detail.getByText(`Đã trả lời: ${ANSWER}`).waitFor()
  await screenshot(desk.page, 'citizen-console-verified-answered')

  // On the desk map: the report's own layer, and the street-flood alert the verified report raised.
  await desk.page.getByRole('link', { name: 'Bản đồ trực tuyến' }).click()
  const idle = await waitForMapIdle(desk.page)
  await expect
    .poll(async () => (await deckLayerCounts(desk.page))['citizen-reports'], { timeout: 60_000 })
    .toBe(1)
  // A frame drawn around the report, with the layer in it, before the screenshot.
  await desk.page.evaluate(({ longitude, latitude }) => {
    type Handle = { map: { jumpTo(o: object): void } }
    const el = document.querySelector('[data-testid="map"]') as (HTMLElement & { iocMap?: Handle }) | null
    el?.iocMap?.map.jumpTo({ center: [longitude, latitude], zoom: 14 })
  }, NEAR_FP001)
  await waitForMapIdle(desk.page, idle)
  // A drawn map, not a blank one: the base map, the roads and the report's ring.
  expect(distinctColours(await screenshot(desk.page, 'citizen-report-on-desk-map'))).toBeGreaterThan(200)
  const token = await server.login(server.users['duty-officer'])
  const alerts = (await (
    await fetch(`${server.url}/api/v1/alerts?state=open`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { alerts: { key: string }[] }
  expect(alerts.alerts.map((a) => a.key)).toContain('street-flood:fs-001')

  // The citizen's status page shows the verification and the answer, nothing of the sender.
  await phone.page.reload()
  await expect.poll(() => phone.page.getByTestId('report-answer').textContent()).toBe(ANSWER)
  expect(await phone.page.getByTestId('report-status').textContent()).toBe('Đã xác minh')
  expect(await phone.page.getByText('Cảm ơn bạn! Đã nhận phản ánh.').count()).toBe(0)
  expect(await phone.page.locator('.citizen-status').textContent()).not.toMatch(/chết máy|truc\.ban|10\.72/)
  await screenshot(phone.page, 'citizen-report-answered-phone-vi')

  expect([...phone.outside, ...desk.outside]).toEqual([])
  expect([...phone.errors, ...desk.errors]).toEqual([])
})
