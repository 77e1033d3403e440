// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { phuAnCritical } from '../console/test-alerts'
import { ALERT_LAYER_ID } from '../layers/alert-layers'
import { GAUGE_LAYER_ID } from '../layers/gauge-layers'
import { SEGMENT_LAYER_ID } from '../layers/segment-speed-layer'
import { realNetworkIndex } from '../state/test-network'
import { addSubject, MAX_CHARTS, searchRoads, subjectOfPick } from './chart-subjects'

const index = realNetworkIndex()

describe('chart subjects', () => {
  test('typing a street without accents finds it, longest sections first', () => {
    const found = searchRoads(index, 'huynh tan phat')
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((r) => r.name === 'Huỳnh Tấn Phát')).toBe(true)
    expect(searchRoads(index, 'h')).toEqual([])
  })

  test('a click on a segment, a gauge or an alert marker charts its subject', () => {
    const seg = index.network.segments.features[10]
    expect(subjectOfPick(index, { layerId: SEGMENT_LAYER_ID, object: seg })).toEqual({
      type: 'segment',
      id: seg?.properties.id,
    })
    const phuAn = index.network.stations.features[index.stationIdxById.get('phu-an') as number]
    expect(subjectOfPick(index, { layerId: GAUGE_LAYER_ID, object: phuAn })).toEqual({
      type: 'station',
      id: 'phu-an',
    })
    expect(
      subjectOfPick(index, { layerId: ALERT_LAYER_ID, object: { alert: phuAnCritical(), position: [0, 0] } }),
    ).toEqual({ type: 'station', id: 'phu-an' })
    expect(subjectOfPick(index, { layerId: 'gauges-value', object: phuAn })).toBeNull()
  })

  test('the newest chart comes first, without duplicates, up to the limit', () => {
    let s = addSubject([], { type: 'station', id: 'phu-an' })
    s = addSubject(s, { type: 'station', id: 'nha-be' })
    s = addSubject(s, { type: 'station', id: 'phu-an' })
    expect(s.map((x) => x.id)).toEqual(['phu-an', 'nha-be'])
    for (const id of ['a', 'b', 'c', 'd']) s = addSubject(s, { type: 'segment', id })
    expect(s.map((x) => x.id)).toEqual(['d', 'c', 'b', 'a'].slice(0, MAX_CHARTS))
  })
})
