import type { RealForecastSkill } from '@ioc/domain'
import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { expect, test } from 'vitest'
import { createI18n, type Lang } from '../i18n/i18n'
import { ForecastSkillSection } from './forecast-skill-section'

const cell = (dt: number | null, dh: number | null, n: number) => ({
  n,
  medianAbsDtMin: dt,
  medianAbsDhCm: dh,
})

// Phú An's figures as bench/results/forecast-real.json had them at the parent commit.
const skill: RealForecastSkill = {
  source: 'fixtures/hcmc/tide-reports.json',
  days: 13,
  gauges: [
    {
      stationId: 'phu-an',
      name: 'Phú An',
      leaveOneDayOut: [
        { kind: 'high', estuary: cell(74, 6.7, 4), singleLag: cell(52, 5.1, 4) },
        { kind: 'peak', estuary: cell(null, 5.3, 7), singleLag: cell(null, 15.5, 7) },
      ],
      leads: [
        {
          kind: 'high',
          leadH: 3,
          cells: {
            forecast: cell(71, 11.7, 4),
            'single-lag': cell(50, 15, 4),
            astronomical: cell(143, 17.9, 4),
            persistence: cell(100, 20.5, 2),
          },
        },
      ],
      band: [{ leadH: 3, n: 27, coverage: 0.815, medianHalfWidthCm: 29.7 }],
    },
  ],
}

function renderSection(lang: Lang) {
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ForecastSkillSection skill={skill} />
    </I18nextProvider>,
  )
}

test('Kỹ năng dự báo: per gauge, the forecast issued ahead beside its baselines, the curve and the band', () => {
  renderSection('vi')
  expect(screen.getByRole('heading', { name: 'Kỹ năng dự báo' })).toBeVisible()
  const gauge = screen.getByRole('region', { name: 'Phú An' })
  const ahead = within(gauge).getByRole('table', { name: /Dự báo phát trước/ })
  const row = within(ahead).getByRole('row', { name: /Đỉnh triều/ })
  expect(row).toHaveTextContent('3 h')
  expect(row).toHaveTextContent('71′ / 11,7 cm (4)')
  expect(row).toHaveTextContent('143′ / 17,9 cm (4)')
  const curve = within(gauge).getByRole('table', { name: /Riêng đường triều/ })
  // A reported peak has no time: its Δt is a dash.
  expect(within(curve).getByRole('row', { name: /Đỉnh công bố/ })).toHaveTextContent('– / 5,3 cm (7)')
  const band = within(gauge).getByRole('table', { name: /Dải 90 %/ })
  expect(band).toHaveTextContent('82 % (27)')
  expect(band).toHaveTextContent('±29,7 cm')
})

test('Forecast skill in English names the baselines and says the data are reported, not simulated', () => {
  renderSection('en')
  const section = screen.getByRole('region', { name: 'Forecast skill' })
  expect(section).toHaveTextContent('not on simulated data')
  expect(section).toHaveTextContent('13 gauge-days')
  const ahead = screen.getByRole('table', { name: /Issued ahead/ })
  expect(within(ahead).getByRole('columnheader', { name: 'Pure Vũng Tàu tide' })).toBeVisible()
  expect(within(ahead).getByRole('row', { name: /High/ })).toHaveTextContent('71′ / 11.7 cm (4)')
})
