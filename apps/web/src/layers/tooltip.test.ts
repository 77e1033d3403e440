// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { createFormatters } from '../i18n/format'
import { createI18n } from '../i18n/i18n'
import { createLiveState } from '../state/live-state'
import { realNetworkIndex } from '../state/test-network'
import { GAUGE_LAYER_ID } from './gauge-layers'
import { SEGMENT_LAYER_ID } from './segment-speed-layer'
import { describePick } from './tooltip'

const index = realNetworkIndex()
const NOW = Date.parse('2025-11-06T10:00:00+07:00')

function context() {
  const state = createLiveState(
    index.network.version,
    index.segmentLengthM.length,
    index.network.stations.features.length,
  )
  return { index, state, t: createI18n('vi').t, f: createFormatters('vi'), lang: 'vi' as const, now: NOW }
}

describe('describePick', () => {
  test('a segment shows its street, district, speed against free flow and report time', () => {
    const ctx = context()
    const segment = index.network.segments.features.find((s) => s.properties.name === 'Điện Biên Phủ')
    if (!segment) throw new Error('fixture has no Điện Biên Phủ segment')
    ctx.state.speedKph[segment.id] = 12
    ctx.state.trafficAt[segment.id] = NOW - 60_000
    const lines = describePick({ layerId: SEGMENT_LAYER_ID, object: segment }, ctx)
    expect(lines?.[0]).toBe('Điện Biên Phủ')
    expect(lines?.[2]).toMatch(/^Tốc độ 12 km\/h \(thông thoáng \d+ km\/h\)$/)
    expect(lines?.[3]).toBe('Báo cáo lúc 09:59:00')
  })

  test('a gauge that last reported days ago shows the date of its report', () => {
    const ctx = context()
    const i = index.stationIdxById.get('phu-an') as number
    ctx.state.waterValue[i] = 1.55
    ctx.state.waterAt[i] = NOW - 3 * 86_400_000
    const lines = describePick({ layerId: GAUGE_LAYER_ID, object: index.network.stations.features[i] }, ctx)
    expect(lines).toEqual(['Phú An', 'Mực nước 1,55 m', 'Báo cáo lúc 03/11/2025 10:00:00'])
  })
})
