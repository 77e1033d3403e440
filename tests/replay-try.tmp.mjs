// Temporary manual check of /replay (not a test; deleted after use).
import { chromium } from 'playwright-core'

const URL_ = 'http://127.0.0.1:3217'
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const context = await browser.newContext({
  viewport: { width: 1600, height: 1000 },
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
})
const page = await context.newPage()
const logs = []
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`))
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`))
const res = await context.request.post(`${URL_}/api/v1/auth/login`, {
  data: { name: 'phantich', password: 'analyst-pass-123' },
})
console.log('login', res.status())
const from = Date.parse('2025-11-06T15:00:00+07:00'),
  to = Date.parse('2025-11-06T20:00:00+07:00')
const inc = await context.request.post(`${URL_}/api/v1/incidents`, {
  data: {
    title: 'Triều cường đỉnh 6/11',
    notes: 'Phú An vượt báo động III',
    from: Date.parse('2025-11-06T16:30:00+07:00'),
    to: Date.parse('2025-11-06T18:30:00+07:00'),
  },
})
const incident = await inc.json()
console.log('incident', inc.status(), incident.id)
await page.goto(`${URL_}/replay?from=${from}&to=${to}`)
await page.waitForSelector('.timeline-track', { timeout: 60000 })
await page.waitForTimeout(5000)
await page.screenshot({ path: '/tmp/replay-shots/01-start.png' })
// seek by clicking 55% of the track
const box = await page.locator('.timeline-track').boundingBox()
await page.mouse.click(box.x + box.width * 0.4, box.y + box.height / 2)
await page.waitForTimeout(4000)
await page.screenshot({ path: '/tmp/replay-shots/02-seek.png' })
const before = await page.locator('.transport-time').textContent()
await page.keyboard.press('+')
await page.waitForTimeout(500)
await page.keyboard.press('+')
await page.waitForTimeout(500)
console.log('speed', await page.locator('.transport-speeds [aria-pressed=true]').textContent())
await page.keyboard.press(' ')
await page.waitForTimeout(4000)
await page.keyboard.press(' ')
const after = await page.locator('.transport-time').textContent()
console.log('clock', before, '→', after)
await page.getByRole('tab', { name: 'Biểu đồ' }).click()
await page.locator('.chart-picker select').selectOption('phu-an')
await page.waitForTimeout(3000)
await page.screenshot({ path: '/tmp/replay-shots/03-chart.png' })
await page.getByRole('tab', { name: 'Giả định' }).click()
await page
  .getByLabel('Phú An BĐ II (m)')
  .fill('1,35')
  .catch(async () => {
    await page.locator('.what-if tbody input').nth(1).fill('1,35')
  })
await page.getByRole('button', { name: 'Phát lại với quy tắc này' }).click()
await page.waitForTimeout(3000)
await page.keyboard.press(' ')
await page.waitForTimeout(5000)
await page.keyboard.press(' ')
await page.getByRole('tab', { name: 'Cảnh báo' }).click()
await page.waitForTimeout(1500)
await page.screenshot({ path: '/tmp/replay-shots/04-what-if.png' })
await page.goto(`${URL_}/replay?incident=${incident.id}`)
await page.waitForSelector('.timeline-track', { timeout: 60000 })
await page.waitForTimeout(4000)
await page.getByRole('tab', { name: 'Sự vụ' }).click()
await page.waitForTimeout(1000)
await page.screenshot({ path: '/tmp/replay-shots/05-incident.png' })
console.log(
  'range inputs',
  await page.locator('.range-picker input').first().inputValue(),
  await page.locator('.range-picker input').nth(1).inputValue(),
)
console.log(
  logs
    .filter((l) => !l.startsWith('debug'))
    .slice(0, 20)
    .join('\n'),
)
await browser.close()
