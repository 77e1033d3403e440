import type { ReplayClockState } from '@ioc/domain'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test, vi } from 'vitest'
import { at } from '../console/test-alerts'
import { createI18n } from '../i18n/i18n'
import { TransportControls } from './transport-controls'

const STEP = 5 * 60_000
const paused: ReplayClockState = {
  t: at('17:00'),
  speed: 60,
  playing: false,
  from: at('15:00'),
  to: at('20:00'),
}

function renderControls(clock: ReplayClockState = paused) {
  const control = vi.fn()
  render(
    <I18nextProvider i18n={createI18n('vi')}>
      <TransportControls clock={clock} stepMs={STEP} control={control} />
      <input aria-label="ghi chú" />
    </I18nextProvider>,
  )
  return control
}

describe('TransportControls', () => {
  test('shows the replay time in HCMC and how far into the range it is', () => {
    renderControls()
    const clock = screen.getByRole('status', { name: 'Thời điểm phát lại' })
    expect(clock).toHaveTextContent('17:00:00')
    expect(clock).toHaveTextContent('06/11/2025')
    expect(clock).toHaveTextContent('+2:00:00')
    expect(screen.getByRole('button', { name: '60×' })).toHaveAttribute('aria-pressed', 'true')
  })

  test('Space plays, → steps, ← goes back a step, + and − change speed', async () => {
    const control = renderControls()
    await userEvent.keyboard(' ')
    expect(control).toHaveBeenLastCalledWith({ type: 'play' })
    await userEvent.keyboard('{ArrowRight}')
    expect(control).toHaveBeenLastCalledWith({ type: 'step' })
    await userEvent.keyboard('{ArrowLeft}')
    expect(control).toHaveBeenLastCalledWith({ type: 'seek', t: at('16:55') })
    await userEvent.keyboard('+')
    expect(control).toHaveBeenLastCalledWith({ type: 'speed', speed: 600 })
    await userEvent.keyboard('-')
    expect(control).toHaveBeenLastCalledWith({ type: 'speed', speed: 10 })
  })

  test('Space pauses while playing; keys typed into a field do nothing', async () => {
    const control = renderControls({ ...paused, playing: true })
    await userEvent.keyboard(' ')
    expect(control).toHaveBeenLastCalledWith({ type: 'pause' })
    control.mockClear()
    await userEvent.type(screen.getByRole('textbox', { name: 'ghi chú' }), ' +-')
    expect(control).not.toHaveBeenCalled()
  })

  test('the buttons do what the keys do', async () => {
    const control = renderControls()
    await userEvent.click(screen.getByRole('button', { name: '▶ Phát' }))
    expect(control).toHaveBeenLastCalledWith({ type: 'play' })
    await userEvent.click(screen.getByRole('button', { name: '3600×' }))
    expect(control).toHaveBeenLastCalledWith({ type: 'speed', speed: 3600 })
    await userEvent.click(screen.getByRole('button', { name: 'Lùi một bước' }))
    expect(control).toHaveBeenLastCalledWith({ type: 'seek', t: at('16:55') })
  })
})
