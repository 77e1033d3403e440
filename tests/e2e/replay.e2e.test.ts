import type { Incident } from '@ioc/domain'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshot, waitForMapIdle } from './browser'
import { type E2eServer, PASSWORD, startE2eServer } from './e2e-server'

let server: E2eServer
let browser: Browser
let incident: Incident

beforeAll(async () => {
  server = await startE2eServer()
  const range = await server.feedKingTide('15:00', '20:00', { endingNow: true })
  const token = await server.login(server.users.analyst)
  const res = await fetch(`${server.url}/api/v1/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Triều cường đỉnh và mưa lớn chiều tối',
      notes: 'Phú An vượt báo động III, Huỳnh Tấn Phát ngập sâu.',
      from: range.fromMs,
      to: range.toMs,
    }),
  })
  expect(res.status).toBe(201)
  incident = (await res.json()) as Incident
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('an analyst opens the incident, seeks and plays, and the map follows the replay clock', async () => {
  const { page, outside, errors } = await openPage(browser, server.url, { width: 1600, height: 1000 })
  await page.goto(`${server.url}/login`)
  await page.getByLabel('Tên đăng nhập').fill(server.users.analyst)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))

  await page.goto(`${server.url}/replay?incident=${incident.id}`)
  const slider = page.getByRole('slider', { name: 'Dòng thời gian phát lại' })
  await expect
    .poll(() => slider.getAttribute('aria-valuenow'), { timeout: 60_000 })
    .toBe(String(incident.from))
  await waitForMapIdle(page)
  const gauge = page.getByRole('region', { name: 'Mực nước cao nhất' })
  const atStart = await gauge.textContent()
  await screenshot(page, 'replay-incident-start')

  // Seek two hours in from the keyboard (PageUp: twelve 5-minute steps); the bookmark covers the track,
  // so a click there would open the bookmark instead.
  await slider.focus()
  for (const hours of [1, 2]) {
    await page.keyboard.press('PageUp')
    await expect
      .poll(async () => Number(await slider.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBe(incident.from + hours * 3_600_000)
  }
  await expect.poll(() => gauge.textContent(), { timeout: 30_000 }).not.toBe(atStart)
  const afterSeek = await gauge.textContent()
  await screenshot(page, 'replay-incident-seek')

  // Play at 600×: ten minutes of the incident per real second.
  const seekedTo = Number(await slider.getAttribute('aria-valuenow'))
  await page.getByRole('button', { name: '600×', exact: true }).click()
  await page.getByRole('button', { name: '▶ Phát', exact: true }).click()
  await expect
    .poll(async () => Number(await slider.getAttribute('aria-valuenow')) - seekedTo, { timeout: 60_000 })
    .toBeGreaterThan(30 * 60_000)
  await expect.poll(() => gauge.textContent(), { timeout: 30_000 }).not.toBe(afterSeek)
  await page.getByRole('button', { name: '‖ Tạm dừng', exact: true }).click()
  await screenshot(page, 'replay-incident-played')
  expect(outside).toEqual([])
  expect(errors).toEqual([])
})
