import type { ReplayClockState, ReplayControl } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import { elapsedLabel, SPEEDS, speedLabel } from './clock-display'
import { useReplayKeys } from './use-replay-keys'

export interface TransportControlsProps {
  clock: ReplayClockState
  stepMs: number
  control: (c: ReplayControl) => void
}

/** Play/pause, step back and forth, the speeds and the replay clock in HCMC time; keys as in the hint. */
export function TransportControls({ clock, stepMs, control }: TransportControlsProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  useReplayKeys(clock, stepMs, control)
  return (
    <div className="transport">
      <button
        type="button"
        aria-label={t('replay.stepBack')}
        title={t('replay.stepBack')}
        onClick={() => control({ type: 'seek', t: Math.max(clock.from, clock.t - stepMs) })}
      >
        «
      </button>
      <button
        type="button"
        className="primary transport-play"
        onClick={() => control({ type: clock.playing ? 'pause' : 'play' })}
      >
        {clock.playing ? `‖ ${t('replay.pause')}` : `▶ ${t('replay.play')}`}
      </button>
      <button
        type="button"
        aria-label={t('replay.stepForward')}
        title={t('replay.stepForward')}
        onClick={() => control({ type: 'step' })}
      >
        »
      </button>
      <fieldset className="transport-speeds">
        <legend className="visually-hidden">{t('replay.speed')}</legend>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={clock.speed === s}
            onClick={() => control({ type: 'speed', speed: s })}
          >
            {speedLabel(s)}
          </button>
        ))}
      </fieldset>
      <output className="transport-clock" aria-label={t('replay.clock')}>
        <time className="transport-time">{f.clock(clock.t)}</time>
        <span className="transport-date">{f.date(clock.t)}</span>
        <span className="transport-elapsed">{elapsedLabel(clock.t, clock.from)}</span>
      </output>
      <span className="transport-keys muted">{t('replay.keys')}</span>
    </div>
  )
}
