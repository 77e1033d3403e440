// @vitest-environment node
import { type Alert, newAlert } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { computeKpis } from './kpis'
import { createLiveState } from './live-state'
import { realNetworkIndex } from './test-network'

const index = realNetworkIndex()
const T0 = Date.parse('2025-10-30T17:30:00+07:00')
const station = (id: string) => index.stationIdxById.get(id) as number

function freshState() {
  return createLiveState(
    index.network.version,
    index.segmentLengthM.length,
    index.gaugeIdx.length + index.floodSensorIdx.length,
  )
}

function alert(over: Partial<Alert>): Alert {
  return newAlert({
    id: 'a1',
    key: 'water-level:phu-an',
    kind: 'water-level',
    subject: { type: 'station', id: 'phu-an' },
    severity: 'critical',
    value: 1.62,
    threshold: 1.6,
    unit: 'm',
    message: { vi: 'Phú An vượt báo động III', en: 'Phú An above alarm level III' },
    raisedAt: T0,
    ...over,
  })
}

describe('computeKpis on the HCMC network', () => {
  test('counts the length of segments below half their free-flow speed', () => {
    const s = freshState()
    const [a, b, c] = [0, 1, 2]
    s.speedKph[a] = (index.freeFlowKph[a] as number) * 0.2
    s.speedKph[b] = (index.freeFlowKph[b] as number) * 0.9
    s.speedKph[c] = (index.freeFlowKph[c] as number) * 0.49
    const k = computeKpis(index, s, [])
    const km = (i: number) => (index.segmentLengthM[i] as number) / 1000
    expect(k.congestedKm).toBeCloseTo(km(a) + km(c), 6)
    expect(k.reportingKm).toBeCloseTo(km(a) + km(b) + km(c), 6)
  })

  test('a flooded street is a flood sensor reading more than 0 cm', () => {
    const s = freshState()
    s.waterValue[station('fs-001')] = 25
    s.waterValue[station('fs-002')] = 0
    expect(computeKpis(index, s, []).floodedStreets).toBe(1)
  })

  test('the top gauge is the one highest above its báo động I, with its stage', () => {
    const s = freshState()
    s.waterValue[station('phu-an')] = 1.55
    s.waterAt[station('phu-an')] = T0
    s.waterValue[station('bien-hoa')] = 1.9
    const top = computeKpis(index, s, []).topGauge
    expect(top).toMatchObject({ name: 'Phú An', stage: 2, observedAt: T0 })
    expect(top?.valueM).toBeCloseTo(1.55, 5)
  })

  test('open and unacknowledged alerts', () => {
    const acked = alert({ id: 'a2', ack: { by: 'trucban', at: T0, note: '' } })
    const k = computeKpis(index, freshState(), [alert({}), acked])
    expect([k.openAlerts, k.unacknowledgedAlerts]).toEqual([2, 1])
  })

  test('nothing reported yet gives zeros and no gauge', () => {
    expect(computeKpis(index, freshState(), [])).toEqual({
      congestedKm: 0,
      reportingKm: 0,
      floodedStreets: 0,
      topGauge: null,
      openAlerts: 0,
      unacknowledgedAlerts: 0,
    })
  })
})
