import type { Browser } from 'playwright-core'
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

test('a duty officer approves the Phú An warning in the console, and the public feed carries it', async () => {
  const desk = await openPage(browser, server.url, { width: 1600, height: 1000 })
  await server.signIn(desk.page, server.users['duty-officer'])
  await desk.page.goto(`${server.url}/alerts`)
  await server.ingest(phuAnRising(Date.now()))

  // The toolbar names the waiting draft within one refresh (10 s).
  const button = desk.page.getByRole('button', { name: /Cảnh báo công cộng \(1 chờ duyệt\)/ })
  await button.waitFor({ timeout: 30_000 })
  await button.click()
  const queue = desk.page.getByRole('list', { name: 'Cảnh báo chờ duyệt' })
  await queue.getByText('Phú An vượt báo động III', { exact: true }).waitFor()
  await expect.poll(() => queue.getByText('Cảnh báo mới').count()).toBe(1)
  await screenshot(desk.page, 'console-warning-draft')

  await queue.getByRole('button', { name: 'Duyệt và công bố' }).click()
  const published = desk.page.getByRole('list', { name: 'Cảnh báo đã công bố' })
  await published.getByText('Phú An vượt báo động III', { exact: true }).waitFor()
  await expect.poll(() => desk.page.getByText('Không có cảnh báo nào chờ duyệt.').count()).toBe(1)
  await desk.page.getByRole('button', { name: 'Cảnh báo công cộng', exact: true }).waitFor()
  await screenshot(desk.page, 'console-warning-published')

  // Anyone, signed in or not, reads it in the feed and as CAP.
  const publicPage = await openPage(browser, server.url)
  const feed = await publicPage.page.request.get(`${server.url}/cap/feed.atom`)
  const atom = await feed.text()
  expect(atom).toContain('<title>Phú An vượt báo động III</title>')
  const href = /href="(\/cap\/[\w-]+\.xml)"/.exec(atom)?.[1] as string
  const cap = await (await publicPage.page.request.get(`${server.url}${href}`)).text()
  expect(cap).toContain('<msgType>Alert</msgType>')
  expect([...desk.outside, ...publicPage.outside]).toEqual([])
  expect([...desk.errors, ...publicPage.errors]).toEqual([])
})
