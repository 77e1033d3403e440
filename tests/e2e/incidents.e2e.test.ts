import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshot, waitForMapIdle } from './browser'
import { type E2eServer, startE2eServer } from './e2e-server'

let server: E2eServer
let browser: Browser

beforeAll(async () => {
  server = await startE2eServer()
  // The king-tide demo's evening (ioc demo): Phú An past báo động III at 17:05, streets flooding at
  // rush hour; re-timed to end a minute ago, as the demo plays it on today's clock.
  await server.feedKingTide('16:00', '18:15', { endingNow: true })
  browser = await launchBrowser()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const number = (text: string | null, pattern: RegExp) => Number(text?.match(pattern)?.[1]?.replace(/\./g, ''))

test('during the king tide the console shows incidents; a duty officer acknowledges one and ticks its checklist; the wall shows incidents', async () => {
  const desk = await openPage(browser, server.url, { width: 1600, height: 1000 })
  await server.signIn(desk.page, server.users['duty-officer'])
  await desk.page.goto(`${server.url}/alerts`)
  await desk.page.getByRole('heading', { name: 'Sự cố', exact: true }).waitFor()

  // Far fewer rows than alerts, each saying why its alerts are one.
  const queue = desk.page.getByRole('listbox', { name: 'Danh sách sự cố' })
  const rows = queue.getByRole('option')
  await expect.poll(() => rows.count()).toBeGreaterThan(3)
  const counts = await desk.page.locator('.console-counts').textContent()
  const incidents = number(counts, /^(\d+) sự cố/)
  const alerts = number(counts, /· ([\d.]+) cảnh báo/)
  expect(await rows.count()).toBe(incidents)
  expect(incidents * 3).toBeLessThan(alerts)
  for (const text of await queue.locator('.incident-explanation').allTextContents())
    expect(text).toMatch(/ trong | từ /)
  const flood = rows.filter({
    hasText: /điểm ngập ở Quận 7 .*triều cường.*do (Phú An|Nhà Bè) vượt báo động III/,
  })
  await expect.poll(() => flood.count()).toBe(1)
  await screenshot(desk.page, 'console-incidents-king-tide')

  // Acknowledge the Quận 7 flood as one, then tick a step of its procedure.
  await flood.click()
  const detail = desk.page.locator('.incident-detail')
  await detail.getByRole('form', { name: 'Xác nhận' }).getByRole('button', { name: 'Xác nhận' }).click()
  await expect.poll(() => flood.textContent()).toMatch(/Đã xác nhận hết/)
  const pumps = detail.getByRole('checkbox', { name: 'Điều xe bơm đến điểm ngập' })
  // The box follows the server's word (the incident pushed back), not the click alone.
  await pumps.click()
  await expect.poll(() => pumps.isChecked()).toBe(true)
  await expect
    .poll(() => detail.getByRole('list', { name: 'Diễn biến' }).textContent())
    .toMatch(/Đã xác nhận.*truc\.ban.*Đã làm: Điều xe bơm đến điểm ngập.*truc\.ban/)
  await expect.poll(() => detail.locator('.step-tick').first().textContent()).toMatch(/truc\.ban/)
  await screenshot(desk.page, 'console-incident-acknowledged-checklist')

  // Its alerts are still there one by one, each acknowledged.
  await detail.getByRole('heading', { name: 'Cảnh báo của sự cố' }).scrollIntoViewIfNeeded()
  await detail.locator('.incident-members .link-button').first().click()
  await desk.page.getByRole('heading', { name: 'Cảnh báo', exact: true }).waitFor()
  await expect.poll(() => desk.page.locator('.alert-detail').textContent()).toMatch(/truc\.ban/)

  // The wall counts incidents, names the top ones and runs them in its ticker.
  const wall = await openPage(browser, server.url)
  await wall.page.goto(`${server.url}/wall?token=${server.displayToken}`)
  const kpi = wall.page.getByRole('region', { name: 'Sự cố đang mở' })
  // The same incidents as the console, once the wall's snapshot is in.
  await kpi.waitFor()
  await waitForMapIdle(wall.page)
  await screenshot(wall.page, 'wall-incidents-king-tide')
  await expect.poll(async () => Number(await kpi.locator('.kpi-value').textContent())).toBe(incidents)
  const top = wall.page.getByRole('region', { name: 'Sự cố nổi bật' }).getByRole('listitem')
  await expect.poll(() => top.count()).toBe(3)
  // Readable whole at 1080p: the third incident ends above the column's edge and the ticker.
  const bottomOf = async (l: typeof top) => {
    const box = await l.boundingBox()
    return box ? box.y + box.height : Number.POSITIVE_INFINITY
  }
  const edge = Math.min(
    await bottomOf(wall.page.locator('.wall-left')),
    (await wall.page.locator('.ticker').boundingBox())?.y ?? 0,
  )
  expect(await bottomOf(top.nth(2))).toBeLessThanOrEqual(edge)
  const ticker = wall.page.locator('.ticker-run').first().locator('.ticker-item')
  expect(await ticker.count()).toBe(incidents)

  expect([...wall.outside, ...desk.outside]).toEqual([])
  expect([...wall.errors, ...desk.errors]).toEqual([])
})
