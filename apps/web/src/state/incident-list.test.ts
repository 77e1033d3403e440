import { describe, expect, test } from 'vitest'
import { eveningIncidents } from '../console/test-incidents'
import { applyIncidentChange, sortIncidents, unackedCount } from './incident-list'

describe('the open incidents', () => {
  test('a change replaces the incident by id; a resolved one leaves; an older version is ignored', () => {
    const [a, b] = eveningIncidents()
    if (!a || !b) throw new Error('two incidents expected')
    const later = { ...a, updatedAt: a.updatedAt + 1, ack: { by: 'lan', at: a.updatedAt + 1, note: '' } }
    expect(applyIncidentChange([a, b], later)).toEqual([b, later])
    expect(applyIncidentChange([later, b], a)).toEqual([later, b])
    expect(applyIncidentChange([a, b], { ...b, status: 'resolved', updatedAt: b.updatedAt + 1 })).toEqual([a])
  })

  test('most severe first; of equals, the one with alerts nobody acknowledged', () => {
    const [a, b] = eveningIncidents()
    if (!a || !b) throw new Error('two incidents expected')
    const critical = { ...b, severity: 'critical' as const }
    const acked = {
      ...a,
      severity: 'critical' as const,
      members: a.members.map((m) => ({ ...m, acked: true })),
    }
    expect(unackedCount(acked)).toBe(0)
    expect(sortIncidents([acked, critical]).map((i) => i.id)).toEqual([critical.id, acked.id])
  })
})
