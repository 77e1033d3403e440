import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { againstDrawing, directedKeys, segmentOfKey } from './path-keys'

const twoWay = () => false

test('a path along the drawing keeps the ids; against it, the two-way segments are reversed', () => {
  const drawn = ['seg-1-2', 'seg-2-3', 'seg-3-4']
  expect(directedKeys({ segmentIds: drawn }, twoWay)).toEqual(drawn)
  expect(directedKeys({ segmentIds: ['seg-3-4', 'seg-2-3', 'seg-1-2'] }, twoWay)).toEqual([
    'seg-3-4~rev',
    'seg-2-3~rev',
    'seg-1-2~rev',
  ])
  // Mixed: the middle piece is drawn the other way round; a way suffix does not hide the nodes.
  expect(directedKeys({ segmentIds: ['seg-1-2', 'seg-3-2-w77', 'seg-3-4'] }, twoWay)).toEqual([
    'seg-1-2',
    'seg-3-2-w77~rev',
    'seg-3-4',
  ])
})

test('a one-segment path runs from the end nearer its start; a given direction wins over the nodes', () => {
  const ends = () =>
    [
      [106.7, 10.77],
      [106.71, 10.78],
    ] as const
  expect(againstDrawing(['seg-1-2'], [106.709, 10.779], ends)).toEqual([true])
  expect(againstDrawing(['seg-1-2'], [106.701, 10.771], ends)).toEqual([false])
  expect(againstDrawing(['seg-3-4', 'seg-2-3'], [0, 0], ends)).toEqual([true, true])
  expect(directedKeys({ segmentIds: ['seg-1-2'], against: [true] }, twoWay)).toEqual(['seg-1-2~rev'])
})

test('one-way segments are never reversed, and a key names its segment', () => {
  expect(directedKeys({ segmentIds: ['seg-3-4', 'seg-2-3'] }, (id) => id === 'seg-3-4')).toEqual([
    'seg-3-4',
    'seg-2-3~rev',
  ])
  expect(segmentOfKey('seg-2-3~rev')).toBe('seg-2-3')
  expect(segmentOfKey('seg-2-3')).toBe('seg-2-3')
})

test('on the network, every key of a path names a segment of it', () => {
  const segments = loadNetwork().segments
  const ids = new Set(segments.map((s) => s.id))
  const oneway = new Map(segments.map((s) => [s.id, s.oneway]))
  const path = segments.slice(0, 5).map((s) => s.id)
  for (const key of directedKeys({ segmentIds: path }, (id) => oneway.get(id) ?? false))
    expect(ids.has(segmentOfKey(key))).toBe(true)
})
