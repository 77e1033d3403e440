import type { Alert, Incident } from '@ioc/domain'
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test, vi } from 'vitest'
import { at, nhaBeCritical, phuAnCritical } from '../console/test-alerts'
import { createI18n } from '../i18n/i18n'
import { Timeline, type TimelineProps } from './timeline'

/** The king-tide evening, 15:00–20:00 HCMC: 16:35 is 31 % of the way, 17:00 is 40 %. */
const range = { from: at('15:00'), to: at('20:00') }
const STEP = 5 * 60_000

const whatIfPhuAn = (): Alert => ({
  ...phuAnCritical(),
  id: 'replayed:water-level:phu-an:x',
  raisedAt: at('16:00'),
})
const incident: Incident = {
  id: 'inc-1',
  title: 'Triều cường đỉnh',
  notes: '',
  from: at('17:30'),
  to: at('18:45'),
  createdBy: 'phantich1',
  createdAt: 0,
  updatedAt: 0,
}

function renderTimeline(over: Partial<TimelineProps> = {}) {
  const onSeek = vi.fn()
  const props: TimelineProps = {
    range,
    t: at('17:00'),
    stepMs: STEP,
    alerts: [
      { alert: phuAnCritical(), source: 'recorded' },
      { alert: nhaBeCritical({ raisedAt: at('16:37') }), source: 'recorded' },
      { alert: whatIfPhuAn(), source: 'replayed' },
    ],
    incidents: [incident],
    whatIf: true,
    describeAlert: (a) => a.message.en.split(' above')[0] as string,
    onSeek,
    ...over,
  }
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <Timeline {...props} />
    </I18nextProvider>,
  )
  return { onSeek, slider: screen.getByRole('slider', { name: 'Replay timeline' }) }
}

/** jsdom lays nothing out: give the track the width a 1000 px timeline would have. */
function layOut(el: HTMLElement) {
  el.getBoundingClientRect = () =>
    ({ left: 100, width: 1000, top: 0, height: 20, right: 1100, bottom: 20 }) as DOMRect
}

describe('Timeline', () => {
  test('puts recorded and what-if alerts at their raise times, in different lanes and shapes', () => {
    renderTimeline()
    const recorded = screen.getByRole('button', { name: /^Recorded · Phú An · 06\/11\/2025 16:35:00/ })
    expect(recorded).toHaveStyle({ left: '31.667%' })
    expect(recorded).toHaveClass('marker-recorded', 'severity-critical')
    const whatIf = screen.getByRole('button', { name: /^What-if · Phú An · 06\/11\/2025 16:00:00/ })
    expect(whatIf).toHaveStyle({ left: '20.000%' })
    expect(whatIf).toHaveClass('marker-replayed')
    expect(whatIf.parentElement).not.toBe(recorded.parentElement)
  })

  test('alerts two minutes apart on a five-hour range stack instead of overlapping', () => {
    renderTimeline()
    const nhaBe = screen.getByRole('button', { name: /^Recorded · Nhà Bè/ })
    expect(nhaBe).toHaveStyle({ left: '32.333%', bottom: '11px' })
    expect(screen.getByRole('button', { name: /^Recorded · Phú An/ })).toHaveStyle({ bottom: '0px' })
  })

  test('shows the clock on the slider and the incident bookmark over its range', () => {
    const { slider } = renderTimeline()
    expect(slider).toHaveAttribute('aria-valuetext', '06/11/2025 17:00:00')
    const bookmark = within(slider).getByRole('button', { name: /Triều cường đỉnh/ })
    expect(bookmark).toHaveStyle({ left: '50.000%', width: '25.000%' })
  })

  test('clicking the track seeks to the time under the pointer', () => {
    const { slider, onSeek } = renderTimeline()
    layOut(slider)
    fireEvent.pointerDown(slider, { clientX: 100 + 800, pointerId: 1 })
    expect(onSeek).not.toHaveBeenCalled()
    fireEvent.pointerUp(slider, { clientX: 100 + 800, pointerId: 1 })
    expect(onSeek).toHaveBeenCalledExactlyOnceWith(at('19:00'))
  })

  test('dragging moves the cursor and seeks once, on release', () => {
    const { slider, onSeek } = renderTimeline()
    layOut(slider)
    fireEvent.pointerDown(slider, { clientX: 100, pointerId: 1 })
    fireEvent.pointerMove(slider, { clientX: 100 + 100, pointerId: 1 })
    expect(slider).toHaveAttribute('aria-valuetext', '06/11/2025 15:30:00')
    fireEvent.pointerMove(slider, { clientX: 100 + 600, pointerId: 1 })
    fireEvent.pointerUp(slider, { clientX: 100 + 600, pointerId: 1 })
    expect(onSeek).toHaveBeenCalledExactlyOnceWith(at('18:00'))
  })

  test('clicking a marker or a bookmark seeks to it', async () => {
    const { onSeek } = renderTimeline()
    await userEvent.click(screen.getByRole('button', { name: /^Recorded · Nhà Bè/ }))
    expect(onSeek).toHaveBeenLastCalledWith(at('16:37'))
    await userEvent.click(screen.getByRole('button', { name: /Triều cường đỉnh/ }))
    expect(onSeek).toHaveBeenLastCalledWith(at('17:30'))
  })

  test('arrows step, Page keys jump an hour, Home and End go to the ends', async () => {
    const { slider, onSeek } = renderTimeline()
    slider.focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(onSeek).toHaveBeenLastCalledWith(at('17:05'))
    await userEvent.keyboard('{ArrowLeft}')
    expect(onSeek).toHaveBeenLastCalledWith(at('16:55'))
    await userEvent.keyboard('{PageUp}')
    expect(onSeek).toHaveBeenLastCalledWith(at('18:00'))
    await userEvent.keyboard('{Home}')
    expect(onSeek).toHaveBeenLastCalledWith(at('15:00'))
    await userEvent.keyboard('{End}')
    expect(onSeek).toHaveBeenLastCalledWith(at('20:00') - 1)
  })
})
