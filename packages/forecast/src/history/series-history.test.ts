import { expect, test } from 'vitest'
import { createSeriesStore, historyAsOf } from './series-history'

test('a history as of a time shows readings up to and including it, never later ones', () => {
  const store = createSeriesStore()
  for (const atMs of [0, 10, 20, 30]) store.append('phu-an', atMs, atMs / 10)
  const past = historyAsOf(store, 20)
  expect(past.range('phu-an', 0, 1_000).map((r) => r.atMs)).toEqual([0, 10, 20])
  expect(past.range('phu-an', 15, 1_000).map((r) => r.value)).toEqual([2])
  expect(historyAsOf(past, 25).range('phu-an', 0, 1_000)).toHaveLength(3)
})

test('a reading out of time order is refused; dropBefore bounds memory', () => {
  const store = createSeriesStore()
  expect(store.append('nha-be', 10, 1)).toBe(true)
  expect(store.append('nha-be', 10, 2)).toBe(false)
  expect(store.append('nha-be', 5, 2)).toBe(false)
  store.append('nha-be', 20, 3)
  store.dropBefore(15)
  expect(store.range('nha-be', 0, 100)).toEqual([{ atMs: 20, value: 3 }])
})
