import type { ShiftHandover } from '@ioc/domain'
import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { expect, test } from 'vitest'
import { at } from '../console/test-alerts'
import { eveningIncidents } from '../console/test-incidents'
import { createI18n } from '../i18n/i18n'
import { HandoverView } from './handover-view'

test('a handover lists the open incidents with what is pending, and what was done during the shift', () => {
  const [gauges, flood] = eveningIncidents()
  if (!gauges || !flood) throw new Error('two incidents expected')
  // The officer ticked one step of the flood's procedure.
  const ticked = {
    ...flood,
    checklist: flood.checklist.map((p) => ({
      ...p,
      steps: p.steps.map((s) =>
        s.id === 'divert-traffic' ? { ...s, tick: { by: 'lan', at: at('17:40') } } : s,
      ),
    })),
  }
  const handover: ShiftHandover = {
    id: 'h1',
    from: at('14:00'),
    to: at('22:00'),
    createdBy: 'lan',
    createdAt: at('22:00'),
    note: 'Bơm ở Huỳnh Tấn Phát chạy đến 22:00',
    open: [gauges, ticked],
    done: [
      {
        incidentId: flood.id,
        seq: 3,
        action: 'step-ticked',
        at: at('17:40'),
        by: 'lan',
        origin: '10.0.0.5',
        note: '',
        details: {
          stepId: 'divert-traffic',
          text: { vi: 'Yêu cầu CSGT phân luồng', en: 'Ask the traffic police to divert traffic' },
        },
      },
    ],
  }
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <HandoverView handover={handover} draft={false} />
    </I18nextProvider>,
  )
  expect(screen.getByText('Bơm ở Huỳnh Tấn Phát chạy đến 22:00')).toBeInTheDocument()
  const open = screen.getByRole('region', { name: 'Open incidents' })
  const floodItem = within(open)
    .getByText(/street flood in Quận 7/)
    .closest('li') as HTMLElement
  expect(floodItem).toHaveTextContent('2 alerts to acknowledge')
  expect(floodItem).toHaveTextContent('Send pumps to the flood point')
  expect(floodItem).not.toHaveTextContent('Ask the traffic police to divert traffic')
  const done = screen.getByRole('region', { name: 'Done during the shift' })
  expect(done).toHaveTextContent('Ticked: Ask the traffic police to divert traffic')
  expect(done).toHaveTextContent('lan')
})
