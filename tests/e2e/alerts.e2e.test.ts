import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshot } from './browser'
import { type E2eServer, phuAnRising, startE2eServer } from './e2e-server'

let server: E2eServer
let browser: Browser

beforeAll(async () => {
  server = await startE2eServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('a new alert reaches the wall and the console; the duty officer acknowledges it and the wall shows it', async () => {
  const wall = await openPage(browser, server.url)
  await wall.page.goto(`${server.url}/wall?token=${server.displayToken}`)
  await wall.page.getByText('Không có sự cố đang mở').waitFor()

  const desk = await openPage(browser, server.url, { width: 1600, height: 1000 })
  await server.signIn(desk.page, server.users['duty-officer'])
  await desk.page.goto(`${server.url}/alerts`)
  // The console opens on incidents; this test works the alert itself.
  await desk.page.getByRole('button', { name: 'Cảnh báo', exact: true }).click()
  await desk.page.getByRole('heading', { name: 'Cảnh báo', exact: true }).waitFor()

  await server.ingest(phuAnRising(Date.now()))
  const queue = desk.page.getByRole('listbox')

  const tickerItem = wall.page.locator('.ticker-run').first().locator('.ticker-item', { hasText: 'Phú An' })
  await expect.poll(() => tickerItem.textContent()).toMatch(/Phú An vượt báo động III.*Chưa xác nhận/)
  await screenshot(wall.page, 'wall-new-critical-alert')

  const row = queue.getByRole('option', { name: /Phú An/ })
  await row.waitFor()
  await row.click()
  const ack = desk.page.getByRole('form', { name: 'Xác nhận' })
  await ack.getByRole('textbox').fill('Đã báo đội ứng phó triều cường Quận 7')
  await screenshot(desk.page, 'console-acknowledging')
  await ack.getByRole('button', { name: 'Xác nhận' }).click()

  await expect.poll(() => tickerItem.textContent()).toMatch(/Đã xác nhận/)
  // One palette: the console's badge and the wall's ticker paint a critical alert as the map does.
  const paint = (l: Locator) => l.evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(await paint(row.locator('.severity-badge'))).toBe('rgb(190, 20, 140)')
  expect(await paint(tickerItem.locator('.ticker-severity'))).toBe('rgb(190, 20, 140)')
  await expect
    .poll(() => desk.page.getByText('Đã báo đội ứng phó triều cường Quận 7').count())
    .toBeGreaterThan(0)
  await screenshot(wall.page, 'wall-alert-acknowledged')
  await screenshot(desk.page, 'console-acknowledged')
  expect([...wall.outside, ...desk.outside]).toEqual([])
  expect([...wall.errors, ...desk.errors]).toEqual([])
})
