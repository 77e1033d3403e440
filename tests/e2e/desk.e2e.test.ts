import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshot } from './browser'
import { type E2eServer, startE2eServer } from './e2e-server'

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

/** Sockets opened and network documents fetched by the page from now on. */
function countConnections(page: Page) {
  const seen = { sockets: 0, networks: 0 }
  page.on('websocket', () => seen.sockets++)
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/network') seen.networks++
  })
  return seen
}

test("one socket and one network per tab across the desk's pages; a silence set by one officer shows at once at another's", async () => {
  // An admin goes through every desk page; a duty officer watches the silences.
  const a = await openPage(browser, server.url, { width: 1600, height: 1000 })
  const seen = countConnections(a.page)
  await server.signIn(a.page, 'admin')
  const nav = a.page.getByRole('navigation')
  const main = a.page.getByRole('main')
  const console = main.getByRole('heading', { name: 'Cảnh báo', exact: true })
  const pages: [string, string, Locator][] = [
    ['Cảnh báo', '/alerts', console],
    ['Bản đồ trực tuyến', '/', main.locator('canvas')],
    ['Phát lại', '/replay', main.locator('canvas')],
    ['Báo cáo', '/reports', main.locator('form')],
    ['Cảnh báo', '/alerts', console],
  ]
  for (const [name, path, shown] of pages) {
    await nav.getByRole('link', { name, exact: true }).click()
    await a.page.waitForURL((url) => url.pathname === path)
    await shown.first().waitFor()
  }
  expect(seen).toEqual({ sockets: 1, networks: 1 })

  const b = await openPage(browser, server.url, { width: 1600, height: 1000 })
  await server.signIn(b.page, server.users['duty-officer'])
  await b.page.goto(`${server.url}/alerts`)
  await b.page.getByRole('button', { name: 'Tạm ngưng cảnh báo' }).click()
  const bSilences = b.page.getByRole('region', { name: 'Tạm ngưng cảnh báo' })
  await bSilences.getByText('Không có tạm ngưng nào đang có hiệu lực.').waitFor()

  await a.page.getByRole('button', { name: 'Tạm ngưng cảnh báo' }).click()
  const form = a.page.getByRole('form', { name: 'Tạm ngưng mới' })
  await form.getByLabel('Đối tượng').selectOption('station:phu-an')
  await form.getByLabel('Lý do').fill('Thay cảm biến mực nước Phú An')
  await form.getByRole('button', { name: 'Tạm ngưng' }).click()

  // No reload on B: the silence arrives as `silence:changed`.
  await bSilences.getByText('Thay cảm biến mực nước Phú An').waitFor()
  await expect.poll(() => bSilences.getByRole('listitem').textContent()).toMatch(/admin/)
  await screenshot(b.page, 'console-silence-from-another-officer')
  expect([...a.outside, ...b.outside]).toEqual([])
  expect([...a.errors, ...b.errors]).toEqual([])
})
