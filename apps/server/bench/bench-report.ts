import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const RESULTS_DIR = fileURLToPath(new URL('../../../bench/results/', import.meta.url))

export interface BenchRow {
  name: string
  [measure: string]: string | number
}

/** Prints a table and writes `bench/results/<name>.json`: the figures, their limit and the ratio. */
export function reportBench(name: string, summary: Record<string, unknown>, rows: BenchRow[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const result = { name, at: new Date().toISOString(), node: process.version, ...summary, rows }
  writeFileSync(`${RESULTS_DIR}${name}.json`, `${JSON.stringify(result, null, 2)}\n`)
  console.log(`\n${name}`)
  console.table(rows)
  console.log(summary)
}

/** Wraps an async bench body to add up its own wall time and work, independent of the bench runner. */
export function tally() {
  let ms = 0
  let units = 0
  return {
    async time(units_: number, fn: () => Promise<unknown> | unknown) {
      const t = performance.now()
      await fn()
      ms += performance.now() - t
      units += units_
    },
    perSecond: () => (units / ms) * 1000,
    get units() {
      return units
    },
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}
