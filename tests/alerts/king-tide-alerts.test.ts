import { type AlertEvent, formatLocalHhMm } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, runRules } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { beforeAll, describe, expect, test } from 'vitest'

// The king tide of 6 November 2025 (a reconstruction, see fixtures/recordings/king-tide-2025-11-06.json)
// run through the rules engine as the live pipeline would: these are the alerts the room should have seen.
const network = loadNetwork()
let events: readonly AlertEvent[] = []

beforeAll(() => {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  events = runRules(network, defaultRulesConfig(), generateObservations(scenario, loadWorld()))
})

/** Local wall-clock time in HCMC, as the duty officer reads it. */
const localTime = formatLocalHhMm
const timeline = (key: string) =>
  events.filter((e) => e.key === key).map((e) => [localTime(e.at), e.type, e.severity])
const sensorOf = (street: string) => {
  const point = network.floodPoints.find((p) => p.street === street)
  const sensor = network.stations.find(
    (s) => s.kind === 'street-flood-sensor' && s.floodPointId === point?.id,
  )
  if (!point || !sensor) throw new Error(`no flood sensor on ${street}`)
  return { point, sensorId: sensor.id }
}

describe('king tide of 6 Nov 2025 through the rules engine', () => {
  test('Phú An passes báo động III on both high tides, as one alert each whose severity follows the level', () => {
    expect(timeline('water-level:phu-an')).toEqual([
      ['02:30', 'raised', 'minor'],
      ['02:50', 'severity-changed', 'major'],
      ['03:05', 'severity-changed', 'critical'],
      ['05:50', 'severity-changed', 'major'],
      ['06:05', 'severity-changed', 'minor'],
      ['06:20', 'cleared', 'minor'],
      ['16:05', 'raised', 'minor'],
      ['16:20', 'severity-changed', 'major'],
      ['16:35', 'severity-changed', 'critical'],
      ['19:25', 'severity-changed', 'major'],
      ['19:40', 'severity-changed', 'minor'],
      ['20:00', 'cleared', 'minor'],
    ])
  })

  test('Nhà Bè, nearer the sea, crosses each level about 50 minutes before Phú An', () => {
    expect(
      timeline('water-level:nha-be')
        .filter(([, type]) => type !== 'cleared')
        .slice(0, 3),
    ).toEqual([
      ['01:35', 'raised', 'minor'],
      ['01:55', 'severity-changed', 'major'],
      ['02:15', 'severity-changed', 'critical'],
    ])
  })

  test('the evening rain floods Huỳnh Tấn Phát, Trần Xuân Soạn and Bùi Viện past 50 cm', () => {
    expect(timeline(`street-flood:${sensorOf('Huỳnh Tấn Phát').sensorId}`)).toEqual([
      ['03:00', 'raised', 'minor'],
      ['05:50', 'cleared', 'minor'],
      ['16:30', 'raised', 'minor'],
      ['17:20', 'severity-changed', 'major'],
      ['17:50', 'severity-changed', 'critical'],
      ['20:30', 'severity-changed', 'major'],
      ['21:40', 'severity-changed', 'minor'],
    ])
    const critical = (street: string) =>
      events.find((e) => e.key === `street-flood:${sensorOf(street).sensorId}` && e.severity === 'critical')
    expect(localTime(critical('Trần Xuân Soạn')?.at ?? 0)).toBe('17:55')
    expect(localTime(critical('Bùi Viện')?.at ?? 0)).toBe('18:45')
    expect(critical('Nguyễn Thái Học')).toBeUndefined()
  })

  test('every road through flooded Huỳnh Tấn Phát congests, and becomes major within the hour', () => {
    const { point } = sensorOf('Huỳnh Tấn Phát')
    expect(point.segmentIds).toHaveLength(5)
    for (const segmentId of point.segmentIds) {
      // The evening tide backs up onto the street from 16:30, before the rain.
      const evening = timeline(`congestion:${segmentId}`).filter(([at]) => (at ?? '') >= '16:00')
      expect(evening[0]?.[1]).toBe('raised')
      expect(evening.some(([at, , severity]) => severity === 'major' && (at ?? '') <= '18:00')).toBe(true)
      expect(evening.at(-1)?.[1]).toBe('cleared')
    }
  })

  test('no station raises a second water-level alert while its first is open', () => {
    const open = new Set<string>()
    for (const e of events.filter((e) => e.kind === 'water-level')) {
      if (e.type === 'raised') expect(open.has(e.key)).toBe(false)
      if (e.type === 'raised') open.add(e.key)
      if (e.type === 'cleared') open.delete(e.key)
    }
  })
})
