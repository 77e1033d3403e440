import { applyEngineEvent } from '@ioc/alerts'
import {
  type Alert,
  type AlertEvent,
  type IncidentMember,
  newAlert,
  type OperationalIncident,
} from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, runRules } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { beforeAll, describe, expect, test } from 'vitest'
import { defaultGroupingConfig, defaultProceduresConfig } from '../config/load-incident-config'
import { distanceM, indexPlaces } from '../places/index-places'
import { applyAlert } from './apply-alert'
import type { GroupingContext } from './refresh-incident'

const network = loadNetwork()
const ctx: GroupingContext = {
  places: indexPlaces(network),
  grouping: defaultGroupingConfig(),
  procedures: defaultProceduresConfig(),
}
const at = (hhmm: string) => Date.parse(`2025-11-06T${hhmm}:00+07:00`)

/** The alerts as the server's lifecycle makes them of the engine's events (no duty officer acting). */
function alertsOf(events: readonly AlertEvent[], from: number, until: number): Alert[] {
  const byKey = new Map<string, Alert[]>()
  const out: Alert[] = []
  for (const e of events) {
    if (e.at > until) break
    if (e.at < from) continue
    const held = byKey.get(e.key) ?? []
    const changes = applyEngineEvent(e, held, { id: () => `a${out.length}`, silenced: false })
    const next = new Map(held.map((a) => [a.id, a]))
    for (const { alert } of changes) {
      out.push(alert)
      if (alert.active) next.set(alert.id, alert)
      else next.delete(alert.id)
    }
    byKey.set(e.key, [...next.values()])
  }
  return out
}

let events: readonly AlertEvent[] = []
beforeAll(() => {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  events = runRules(network, defaultRulesConfig(), generateObservations(scenario, loadWorld()))
})

/** Grouped as the demo feeds it: from 12:00 (`ioc demo`), or `from` another time. */
function groupUntil(until: number, from = at('12:00')) {
  let open: OperationalIncident[] = []
  const all = new Map<string, OperationalIncident>()
  const latest = new Map<string, Alert>()
  for (const a of alertsOf(events, from, until)) {
    latest.set(a.id, a)
    const step = applyAlert(open, a, ctx)
    open = step.open
    for (const i of step.changed) all.set(i.id, i)
  }
  const active = [...latest.values()].filter((a) => a.active)
  return { open, all, active }
}

const floodSensor = (street: string) => {
  const point = network.floodPoints.find((p) => p.street === street)
  return network.stations.find((s) => s.kind === 'street-flood-sensor' && s.floodPointId === point?.id)?.id
}

describe('the king tide of 6 Nov 2025, grouped', () => {
  test('at 18:30 the duty officer has far fewer incidents than alerts, each holding all its alerts', () => {
    const { open, active } = groupUntil(at('18:30'))
    expect(active.length).toBeGreaterThan(100)
    expect(open.length).toBeLessThan(active.length / 3)
    const held = new Set(open.flatMap((i) => i.members.map((m) => m.alertId)))
    for (const a of active) expect(held.has(a.id)).toBe(true)
    // An alert is in one incident only.
    expect(held.size).toBe(open.reduce((n, i) => n + i.members.length, 0))
  })

  test('Quận 7 street floods of the evening tide are one incident, driven by a gauge at báo động III', () => {
    const { open } = groupUntil(at('18:30'))
    const q7 = open.filter((i) => i.grouping.rule === 'street-flood' && i.grouping.district === 'Quận 7')
    expect(q7).toHaveLength(1)
    const incident = q7[0] as OperationalIncident
    const sensors = incident.members.filter((m) => m.kind === 'street-flood').map((m) => m.subject.id)
    expect(sensors).toEqual(
      expect.arrayContaining([floodSensor('Huỳnh Tấn Phát'), floodSensor('Trần Xuân Soạn')]),
    )
    expect(incident.grouping.cause).not.toBe('rain')
    expect(incident.grouping.driver).toMatchObject({ severity: 'critical' })
    expect(incident.grouping.spanM).toBeGreaterThan(2000)
    // The roads through flooded Huỳnh Tấn Phát congest, and their congestion is this incident's too.
    expect(incident.members.some((m) => m.kind === 'congestion')).toBe(true)
    // The rising evening tide's, hours after the morning high tide's went quiet.
    expect(incident.openedAt).toBeGreaterThanOrEqual(at('14:00'))
  })

  test('the morning and evening high tides are two episodes: the morning incidents are not reused', () => {
    const { all } = groupUntil(at('18:30'), at('00:00'))
    const q7 = [...all.values()].filter(
      (i) => i.grouping.rule === 'street-flood' && i.grouping.district === 'Quận 7',
    )
    expect(q7.map((i) => i.openedAt < at('12:00'))).toEqual([true, false])
  })

  test('the gauges of one tide are one incident with the báo động III checklist', () => {
    const { open } = groupUntil(at('18:30'))
    const gauges = open.filter((i) => i.grouping.rule === 'gauge')
    const phuAn = gauges.find((i) => i.members.some((m) => m.subject.id === 'phu-an'))
    expect(phuAn?.members.map((m) => m.subject.id)).toEqual(expect.arrayContaining(['phu-an', 'nha-be']))
    expect(phuAn?.severity).toBe('critical')
    expect(phuAn?.checklist.map((p) => p.procedureId)).toContain('gauge-bao-dong-3')
    const steps = phuAn?.checklist
      .find((p) => p.procedureId === 'gauge-bao-dong-3')
      ?.steps.map((s) => s.text.en)
    expect(steps).toEqual(expect.arrayContaining(['Send mobile pumps to the flood points']))
  })

  test('congestion groups connected segments, named for the street most of them are on', () => {
    const { open } = groupUntil(at('18:30'))
    const corridors = open.filter((i) => i.grouping.rule === 'congestion' && i.members.length > 1)
    expect(corridors.length).toBeGreaterThan(5)
    const ends = (m: IncidentMember) => ctx.places.of(m.subject)?.ends ?? []
    for (const i of corridors) {
      // Each segment touches another of its incident (within joinM, 500 m, end to end).
      for (const m of i.members) {
        const touches = i.members.some(
          (o) => o !== m && ends(m).some((p) => ends(o).some((q) => distanceM(p, q) <= 500)),
        )
        expect(touches).toBe(true)
      }
      const names = i.members.map((m) => m.name)
      const top = names.filter((n) => n === i.grouping.corridor).length
      for (const n of names) if (n) expect(names.filter((x) => x === n).length).toBeLessThanOrEqual(top)
    }
  })
})

describe('applyAlert', () => {
  const base = newAlert({
    id: 'x1',
    key: 'street-flood:fs-026',
    kind: 'street-flood',
    subject: { type: 'station', id: 'fs-026' },
    severity: 'minor',
    value: 20,
    threshold: 15,
    unit: 'cm',
    message: { vi: 'ngập', en: 'flood' },
    raisedAt: at('17:05'),
  })

  test('an incident closes once its last alert is resolved, taking that resolution', () => {
    const opened = applyAlert([], base, ctx)
    expect(opened.events.map((e) => e.action)).toEqual(['opened'])
    const resolved = {
      ...base,
      active: false,
      updatedAt: at('19:00'),
      resolution: { by: 'lan', at: at('19:00'), note: 'rút nước', forced: false },
    }
    const step = applyAlert(opened.open, resolved, ctx)
    expect(step.open).toEqual([])
    expect(step.changed[0]).toMatchObject({ status: 'resolved', resolution: { by: 'lan', note: 'rút nước' } })
    expect(step.events.map((e) => e.action)).toEqual(['closed'])
  })

  test('a change that changes nothing is not pushed', () => {
    const opened = applyAlert([], base, ctx)
    expect(applyAlert(opened.open, { ...base, updatedAt: at('17:06') }, ctx).changed).toEqual([])
  })

  test('a resolved alert no incident holds opens none', () => {
    const resolved = { ...base, resolution: { by: 'lan', at: at('19:00'), note: 'x', forced: true } }
    expect(applyAlert([], resolved, ctx)).toEqual({ open: [], changed: [], events: [] })
  })
})
