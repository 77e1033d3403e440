import { useTranslation } from 'react-i18next'
import { cssColor, NO_DATA, SEVERITY_COLORS, STAGE_COLORS, speedRatioColor } from '../layers/colors'
import type { AlarmStage } from '../state/alarm-stage'

const RAMP = [0, 0.25, 0.5, 0.75, 1].map((r) => `${cssColor(speedRatioColor(r))} ${r * 100}%`).join(', ')
const STAGES: AlarmStage[] = [0, 1, 2, 3]

/** What the colours and symbols on the map mean, in the current language. */
export function Legend() {
  const { t } = useTranslation()
  const stageNames = t('legend.stages', { returnObjects: true }) as string[]
  return (
    <aside className="legend" aria-label={t('legend.title')}>
      <div className="legend-title">{t('legend.speed')}</div>
      <div className="legend-ramp" style={{ background: `linear-gradient(to right, ${RAMP})` }} />
      <div className="legend-ramp-labels">
        <span>{t('legend.stopped')}</span>
        <span>{t('legend.free')}</span>
      </div>
      <div className="legend-row">
        <span className="legend-line" style={{ background: cssColor(NO_DATA) }} />
        {t('legend.noData')}
      </div>
      <div className="legend-title">{t('legend.gauge')}</div>
      {STAGES.map((s) => (
        <div className="legend-row" key={s}>
          <span className="legend-dot" style={{ background: cssColor(STAGE_COLORS[s]) }} />
          {stageNames[s]}
        </div>
      ))}
      <div className="legend-row">
        <span className="legend-dot legend-dot-hollow legend-dot-large" />
        {t('legend.flood')}
      </div>
      <div className="legend-row">
        <span className="legend-ring" style={{ borderColor: cssColor(SEVERITY_COLORS.critical) }} />
        {t('legend.alert')}
      </div>
    </aside>
  )
}
