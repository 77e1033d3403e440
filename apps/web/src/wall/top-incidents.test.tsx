import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { eveningIncidents } from '../console/test-incidents'
import { createI18n } from '../i18n/i18n'
import { IncidentTicker } from './incident-ticker'
import { TopIncidents } from './top-incidents'

const inEnglish = (ui: React.ReactNode) =>
  render(<I18nextProvider i18n={createI18n('en')}>{ui}</I18nextProvider>)

describe('the wall shows incidents, not alerts', () => {
  test('the top incidents, most urgent first, one sentence each', () => {
    inEnglish(<TopIncidents incidents={eveningIncidents()} />)
    const items = within(screen.getByRole('region', { name: 'Top incidents' })).getAllByRole('listitem')
    expect(items.map((li) => li.querySelector('.top-text')?.textContent)).toEqual([
      '2 gauges past báo động during the 6 Nov afternoon tide: Nhà Bè, Phú An; highest Nhà Bè báo động III',
      '1 street flood in Quận 7 during the 6 Nov evening tide, driven by Phú An báo động III; congestion on 1 road through it',
    ])
  })

  test('the ticker runs one item per incident, saying whether someone has it', () => {
    inEnglish(<IncidentTicker incidents={eveningIncidents()} />)
    const run = screen.getByRole('marquee').querySelector('.ticker-run') as HTMLElement
    expect(run.querySelectorAll('.ticker-item')).toHaveLength(2)
    expect(run).toHaveTextContent('driven by Phú An báo động III')
    expect(within(run).getAllByText('Unacknowledged')).toHaveLength(2)
  })

  test('no incident, no list; an empty ticker says so', () => {
    inEnglish(
      <>
        <TopIncidents incidents={[]} />
        <IncidentTicker incidents={[]} />
      </>,
    )
    expect(screen.queryByRole('region', { name: 'Top incidents' })).toBeNull()
    expect(screen.getByText('No open incidents')).toBeInTheDocument()
  })
})
