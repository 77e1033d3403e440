import { indexNetwork } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { readMqttMessage } from './read-mqtt-message'

const index = indexNetwork(loadNetwork())
const NOW = Date.parse('2025-11-06T17:10:00+07:00')
const at = '2025-11-06T17:05:00+07:00'
const read = (topic: string, payload: unknown) =>
  readMqttMessage(
    topic,
    Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
    index,
    { nowMs: NOW, notBeforeMs: Date.parse('2000-01-01T00:00:00+07:00') },
  )

test('a reading before the ingest horizon is a dead letter naming the field', () => {
  expect(read('hcmc/water/phu-an', { observedAt: '1900-01-01T00:00:00Z', value: 1.62, source: 'x' })).toEqual(
    {
      ok: false,
      error: expect.stringMatching(/^observedAt: 1900-01-01T00:00:00Z is before the ingest horizon/),
    },
  )
})

test('the topic fills in the type and the station of a bare reading', () => {
  expect(read('hcmc/water/phu-an', { observedAt: at, value: 1.62, source: 'sihymete' })).toEqual({
    ok: true,
    value: [{ type: 'water', stationId: 'phu-an', observedAt: at, value: 1.62, source: 'sihymete' }],
  })
})

test('an array of readings of the topic’s segment is one message', () => {
  const segmentId = index.network.segments[0]?.id as string
  const r = read(`hcmc/traffic/${segmentId}`, [
    { observedAt: at, speedKph: 12, source: 'tomtom' },
    { type: 'traffic', segmentId, observedAt: at, speedKph: 14, source: 'here' },
  ])
  expect(r.ok && r.value.map((o) => o.type === 'traffic' && o.speedKph)).toEqual([12, 14])
})

test('every problem is named with its field, and an array names the item', () => {
  expect(read('hcmc/water/phu-an', { observedAt: at, value: '1,62', source: 's' })).toEqual({
    ok: false,
    error: expect.stringMatching(/^value: /),
  })
  expect(read('hcmc/water/phu-an', [{ observedAt: at, value: 1.6, source: 's' }, 7])).toEqual({
    ok: false,
    error: 'item 1, (root): expected an observation object',
  })
  // An item after one that is not an object is still named by its place in the array.
  expect(read('hcmc/water/phu-an', [7, { observedAt: at, value: -99, source: 's' }])).toEqual({
    ok: false,
    error: expect.stringMatching(/^item 0, \(root\): expected an observation object; item 1, value: /),
  })
  expect(
    read('hcmc/water/phu-an', { type: 'traffic', observedAt: at, speedKph: 3, source: 's' }),
  ).toMatchObject({
    ok: false,
    error: expect.stringContaining('type: "traffic" does not match the topic\'s "water"'),
  })
  expect(read('hcmc/rain/phu-an', { value: 1 })).toEqual({
    ok: false,
    error: 'topic: not hcmc/water/<stationId> or hcmc/traffic/<segmentId>',
  })
  expect(read('hcmc/water/phu-an', '[]')).toEqual({
    ok: false,
    error: '(root): an empty array holds no observation',
  })
})
