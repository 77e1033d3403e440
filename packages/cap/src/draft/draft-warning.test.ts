import { newAlert, type PublicWarning } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { publishWarning, withdrawWarning } from '../publish/publish-warning'
import { draftWarning, type WarningSource } from './draft-warning'
import { warningPlace } from './warning-place'

const network = loadNetwork()
const source: WarningSource = {
  sender: 'ioc.tphcm',
  senderName: { vi: 'IOC TP.HCM', en: 'HCMC IOC' },
  status: 'Actual',
}
const T = Date.parse('2025-11-06T15:40:00+07:00')
const forecast = newAlert({
  id: 'f1',
  key: 'forecast-water-level:phu-an:III',
  kind: 'forecast-water-level',
  subject: { type: 'station', id: 'phu-an' },
  severity: 'major',
  value: 1.61,
  threshold: 1.6,
  unit: 'm',
  message: {
    vi: 'Phú An dự báo vượt báo động III lúc 17:05',
    en: 'Phú An forecast above alarm level III at 17:05',
  },
  raisedAt: T,
  forecastFor: T + 85 * 60_000,
  leadMin: 85,
})
const place = warningPlace(network, forecast.subject)
if (!place) throw new Error('Phú An is not in the network')

test('a forecast crossing is Likely, Future beyond the hour, with its onset at the crossing', () => {
  const w = draftWarning(
    forecast,
    place,
    { phase: 'warning', msgType: 'Alert', identifier: 'm1' },
    [],
    source,
    T,
  )
  const [vi, en] = w.message.info
  expect(vi).toMatchObject({
    language: 'vi-VN',
    urgency: 'Future',
    severity: 'Severe',
    certainty: 'Likely',
    responseType: ['Prepare'],
    onset: '2025-11-06T17:05:00+07:00',
    expires: '2025-11-06T20:05:00+07:00',
    headline: 'Phú An dự báo vượt báo động III lúc 17:05 06/11/2025',
  })
  expect(en?.instruction).toMatch(/^Prepare before 17:05 06\/11\/2025: /)
  expect(w).toMatchObject({ state: 'pending', publishedAt: null, message: { sent: null } })
  const soon = draftWarning(
    { ...forecast, forecastFor: T + 40 * 60_000 },
    place,
    { phase: 'warning', msgType: 'Alert', identifier: 'm2' },
    [],
    source,
    T,
  )
  expect(soon.message.info[0]?.urgency).toBe('Expected')
})

test('a message is sent when published, not when drafted, and a duty officer withdraws with a Cancel', () => {
  const draft = draftWarning(
    forecast,
    place,
    { phase: 'warning', msgType: 'Alert', identifier: 'm1' },
    [],
    source,
    T,
  )
  const published = publishWarning(draft, { by: 'lan', at: T + 120_000, note: '' }, T + 120_000)
  expect(published.message.sent).toBe('2025-11-06T15:42:00+07:00')
  const decision = { by: 'lan', at: T + 600_000, note: 'Dự báo sai do cảm biến lỗi' }
  const cancel = withdrawWarning([published], 'm9', decision, source) as PublicWarning
  expect(cancel.message).toMatchObject({
    msgType: 'Cancel',
    sent: '2025-11-06T15:50:00+07:00',
    references: [{ sender: 'ioc.tphcm', identifier: 'm1', sent: '2025-11-06T15:42:00+07:00' }],
  })
  expect(cancel.message.info[0]).toMatchObject({
    description: 'Dự báo sai do cảm biến lỗi',
    urgency: 'Past',
    headline: 'Thu hồi cảnh báo: Phú An dự báo vượt báo động III lúc 17:05 06/11/2025',
    expires: '2025-11-06T16:50:00+07:00',
  })
  expect(withdrawWarning([draft], 'm10', decision, source)).toBeNull()
})

test('a gauge is warned of over a 3 km circle, a flood point without an outline over 300 m', () => {
  expect(place.area.circles).toEqual([{ center: [106.7116, 10.7722], radiusKm: 3 }])
  const sensor = network.stations.find((s) => s.kind === 'street-flood-sensor' && s.floodPointId === 'fp-002')
  const street = warningPlace(network, { type: 'station', id: sensor?.id ?? '' })
  expect(street?.area).toMatchObject({ areaDesc: 'Ung Văn Khiêm, Quận Bình Thạnh', polygons: [] })
  expect(street?.area.circles[0]?.radiusKm).toBe(0.3)
  expect(warningPlace(network, { type: 'segment', id: 'seg-1-2' })).toBeNull()
})
