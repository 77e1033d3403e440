import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { HCMC_TIME_ZONE } from '@ioc/domain'
import { type Browser, chromium, type Page } from 'playwright-core'
import { PNG } from 'pngjs'

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url))

/** Debian's Chromium with the flags this workplace needs (DEVELOPERS.md); never `--use-gl=swiftshader`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

/**
 * A page that may talk to the server only: every request elsewhere is aborted and remembered, so a test
 * proves the app needs no internet (no CDN, tile server or web font).
 */
export async function openPage(
  browser: Browser,
  serverUrl: string,
  size = { width: 1920, height: 1080 },
  deviceScaleFactor = 1,
) {
  const context = await browser.newContext({
    viewport: size,
    deviceScaleFactor,
    locale: 'vi-VN',
    timezoneId: HCMC_TIME_ZONE,
  })
  // Software WebGL drawing a whole-city frame holds the page's thread: on a slow two-core CI machine a
  // plain locator.evaluate on the 4K wall, and a screenshot of the 1080p one, waited past Playwright's
  // default 30 s for it.
  context.setDefaultTimeout(120_000)
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(serverUrl) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue()
    outside.push(url)
    return route.abort()
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, outside, errors }
}

/** Waits until maplibre has rendered at least `after + 1` times and is idle. */
export async function waitForMapIdle(page: Page, after = 0): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const idle = Number(document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.idle ?? 0)
      return idle > n ? idle : false
    },
    after,
    { timeout: 150_000 },
  )
  return (await handle.jsonValue()) as number
}

/** Feature counts of the deck.gl layers on the map, by layer id. */
export function deckLayerCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    type Handle = { overlay: { _deck?: { props: { layers: { id: string; props: { data: unknown } }[] } } } }
    const element = document.querySelector('[data-testid="map"]') as
      | (HTMLElement & { iocMap?: Handle })
      | null
    const layers = element?.iocMap?.overlay._deck?.props.layers ?? []
    return Object.fromEntries(
      layers.map((l) => [l.id, Array.isArray(l.props.data) ? l.props.data.length : -1] as const),
    )
  })
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return page.screenshot({ path: `${SCREENSHOTS}${name}.png` })
}

/** How many distinct colours (quantised to 4 bits a channel) a PNG holds: a blank canvas has one or two. */
export function distinctColours(png: Buffer): number {
  const { data } = PNG.sync.read(png)
  const seen = new Set<number>()
  for (let i = 0; i < data.length; i += 4) {
    seen.add(((data[i] ?? 0) >> 4) | (((data[i + 1] ?? 0) >> 4) << 4) | (((data[i + 2] ?? 0) >> 4) << 8))
  }
  return seen.size
}
