import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { createI18n, type Lang } from '../i18n/i18n'
import type { GaugeReading, Kpis } from '../state/kpis'
import { KpiStrip } from './kpi-strip'

const phuAn: GaugeReading = {
  name: 'Phú An',
  valueM: 1.62,
  stage: 3,
  levels: { I: 1.4, II: 1.5, III: 1.6 },
  observedAt: Date.parse('2025-10-30T17:30:00+07:00'),
}

const kpis: Kpis = {
  congestedKm: 42.37,
  reportingKm: 612.9,
  floodedStreets: 7,
  topGauge: phuAn,
  openAlerts: 5,
  unacknowledgedAlerts: 2,
}

function renderStrip(
  k: Kpis,
  lang: Lang = 'vi',
  incidents?: { open: number; alerts: number; unacked: number },
) {
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <KpiStrip kpis={k} {...(incidents && { incidents })} />
    </I18nextProvider>,
  )
}

describe('KpiStrip', () => {
  test('shows congestion, flooding, the highest gauge and alerts in Vietnamese', () => {
    renderStrip(kpis)
    expect(within(screen.getByRole('region', { name: 'Đường ùn tắc' })).getByText('42,4 km')).toBeVisible()
    expect(screen.getByRole('region', { name: 'Đường ùn tắc' })).toHaveTextContent('trên 612,9 km có số liệu')
    expect(within(screen.getByRole('region', { name: 'Điểm ngập' })).getByText('7')).toBeVisible()
    const gauge = screen.getByRole('region', { name: 'Mực nước cao nhất' })
    expect(gauge).toHaveTextContent('1,62 m')
    expect(gauge).toHaveTextContent('Phú An')
    expect(within(gauge).getByText('Báo động III')).toBeVisible()
    expect(gauge).toHaveTextContent('BĐ I 1,40 · BĐ II 1,50 · BĐ III 1,60')
    const alerts = screen.getByRole('region', { name: 'Cảnh báo đang mở' })
    expect(within(alerts).getByText('5')).toBeVisible()
    expect(within(alerts).getByText('2 chưa xác nhận')).toHaveClass('kpi-attention')
  })

  test('in English, with decimal points', () => {
    renderStrip(kpis, 'en')
    expect(within(screen.getByRole('region', { name: 'Congested roads' })).getByText('42.4 km')).toBeVisible()
    expect(screen.getByRole('region', { name: 'Highest water level' })).toHaveTextContent('Alarm level III')
  })

  test('a gauge below báo động I says so, and no unacknowledged alert is highlighted', () => {
    const calm: Kpis = {
      ...kpis,
      topGauge: { ...phuAn, valueM: 1.1, stage: 0 },
      unacknowledgedAlerts: 0,
    }
    renderStrip(calm)
    expect(screen.getByRole('region', { name: 'Mực nước cao nhất' })).toHaveTextContent('Dưới báo động I')
    expect(screen.getByText('0 chưa xác nhận')).not.toHaveClass('kpi-attention')
  })

  test('live, the room counts incidents, with the alerts they hold', () => {
    renderStrip(kpis, 'vi', { open: 2, alerts: 5, unacked: 2 })
    expect(screen.queryByRole('region', { name: 'Cảnh báo đang mở' })).toBeNull()
    const incidents = screen.getByRole('region', { name: 'Sự cố đang mở' })
    expect(within(incidents).getByText('2')).toBeVisible()
    expect(within(incidents).getByText('5 cảnh báo · 2 chưa xác nhận')).toHaveClass('kpi-attention')
  })

  test('before any gauge reports', () => {
    renderStrip({ ...kpis, topGauge: null })
    expect(screen.getByRole('region', { name: 'Mực nước cao nhất' })).toHaveTextContent('Chưa có số liệu')
  })
})
