import { describe, expect, test } from 'vitest'
import { eveningQueue } from '../console/test-alerts'
import { eveningIncidents } from '../console/test-incidents'
import { providedNetworkIndex } from '../state/provided-network'
import { alertMarkers } from './alert-layers'
import { incidentMarkers } from './incident-markers'

const index = providedNetworkIndex()

describe('incidentMarkers', () => {
  test('one ring per incident, at its most severe alert, where the alerts would have one each', () => {
    const alerts = eveningQueue()
    expect(alertMarkers(index, alerts)).toHaveLength(3)
    const rings = incidentMarkers(index, eveningIncidents(), alerts)
    expect(rings.map((m) => m.alert.id).sort()).toEqual(['al-fs-026-2', 'al-nha-be-2'])
  })

  test('an unacknowledged alert is preferred to an acknowledged one as severe', () => {
    const alerts = eveningQueue().map((a) =>
      a.id === 'al-nha-be-2' ? { ...a, ack: { by: 'lan', at: a.raisedAt, note: '' } } : a,
    )
    const gauges = incidentMarkers(index, eveningIncidents(), alerts).find(
      (m) => m.alert.kind === 'water-level',
    )
    expect(gauges?.alert.id).toBe('al-phu-an-2')
  })
})
