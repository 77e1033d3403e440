import type { AlertList } from '@ioc/domain'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshot } from './browser'
import { type E2eServer, PASSWORD, startE2eServer } from './e2e-server'

let server: E2eServer
let browser: Browser

beforeAll(async () => {
  server = await startE2eServer()
  // The king-tide evening as if it had just happened, so it falls in the report's default week.
  await server.feedKingTide('15:00', '20:00', { endingNow: true })
  // A duty officer acknowledges the critical alerts, so response times have something to measure.
  const token = await server.login(server.users['duty-officer'])
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const { alerts } = (await (
    await fetch(`${server.url}/api/v1/alerts?severity=critical`, { headers })
  ).json()) as AlertList
  for (const a of alerts) {
    await fetch(`${server.url}/api/v1/alerts/${a.id}/ack`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ note: 'đã chuyển đội ứng phó' }),
    })
  }
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('an analyst prints the operations report of the week, with the king tide in it', async () => {
  const { page, outside, errors } = await openPage(browser, server.url, { width: 1280, height: 1600 })
  await page.goto(`${server.url}/login`)
  await page.getByLabel('Tên đăng nhập').fill(server.users.analyst)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await page.goto(`${server.url}/reports`)
  await page.getByRole('heading', { name: 'Báo cáo vận hành' }).waitFor()
  await page.getByText('Toàn thành phố').first().waitFor({ timeout: 60_000 })

  const city = await page.locator('.reports-page').textContent()
  expect(city).toMatch(/Phú An/)
  expect(city).toMatch(/Huỳnh Tấn Phát/)
  expect(city).toMatch(/Xác nhận trong/)
  // The tide forecast judged on the reported levels, per gauge, below the period's figures.
  const skill = page.getByRole('region', { name: 'Kỹ năng dự báo' })
  await skill.getByRole('heading', { name: 'Nhà Bè' }).waitFor({ timeout: 60_000 })
  expect(await skill.textContent()).toMatch(/Triều thiên văn Vũng Tàu/)
  await screenshot(page, 'reports-week')
  await skill.scrollIntoViewIfNeeded()
  await screenshot(page, 'reports-forecast-skill')
  expect(outside).toEqual([])
  expect(errors).toEqual([])
})
