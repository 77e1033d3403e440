import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import { cssColor, STAGE_COLORS } from '../layers/colors'
import { levelOfStage } from '../state/alarm-stage'
import type { Kpis } from '../state/kpis'

export interface KpiStripProps {
  kpis: Kpis
  /** Live: open incidents instead of open alerts (a replay has no incidents). */
  incidents?: { open: number; alerts: number; unacked: number }
}

/** The four numbers the room watches: congestion, flooded streets, the highest gauge, open incidents. */
export function KpiStrip({ kpis, incidents }: KpiStripProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const gauge = kpis.topGauge
  const level = (m: number | null) => (m === null ? '–' : f.number(m, 2))
  return (
    <div className="kpi-strip">
      <section className="kpi" aria-label={t('kpi.congested')}>
        <div className="kpi-label">{t('kpi.congested')}</div>
        <div className="kpi-value">{f.km(kpis.congestedKm)}</div>
        <div className="kpi-sub">{t('kpi.congestedOf', { total: f.km(kpis.reportingKm) })}</div>
      </section>
      <section className="kpi" aria-label={t('kpi.flooded')}>
        <div className="kpi-label">{t('kpi.flooded')}</div>
        <div className="kpi-value">{f.number(kpis.floodedStreets)}</div>
        <div className="kpi-sub">{t('kpi.floodedUnit')}</div>
      </section>
      <section className="kpi" aria-label={t('kpi.gauge')}>
        <div className="kpi-label">{t('kpi.gauge')}</div>
        {gauge ? (
          <>
            <div className="kpi-value kpi-value-named">
              <span>{f.metres(gauge.valueM)}</span> <span className="kpi-name">{gauge.name}</span>
            </div>
            <div className="kpi-stage" style={{ background: cssColor(STAGE_COLORS[gauge.stage]) }}>
              {gauge.stage === 0 ? t('kpi.belowAlarm') : t('kpi.stage', { stage: levelOfStage(gauge.stage) })}
            </div>
            <div className="kpi-sub">
              {t('kpi.levels', {
                I: level(gauge.levels.I),
                II: level(gauge.levels.II),
                III: level(gauge.levels.III),
              })}
            </div>
          </>
        ) : (
          <div className="kpi-value kpi-empty">{t('kpi.noGauge')}</div>
        )}
      </section>
      {incidents ? (
        <section className="kpi" aria-label={t('opsIncidents.wall.kpi')}>
          <div className="kpi-label">{t('opsIncidents.wall.kpi')}</div>
          <div className="kpi-value">{f.number(incidents.open)}</div>
          <div className={incidents.unacked > 0 ? 'kpi-sub kpi-attention' : 'kpi-sub'}>
            {t('opsIncidents.wall.sub', {
              alerts: f.number(incidents.alerts),
              unacked: f.number(incidents.unacked),
            })}
          </div>
        </section>
      ) : (
        <section className="kpi" aria-label={t('kpi.alerts')}>
          <div className="kpi-label">{t('kpi.alerts')}</div>
          <div className="kpi-value">{f.number(kpis.openAlerts)}</div>
          <div className={kpis.unacknowledgedAlerts > 0 ? 'kpi-sub kpi-attention' : 'kpi-sub'}>
            {t('kpi.unacknowledged', { count: kpis.unacknowledgedAlerts })}
          </div>
        </section>
      )}
    </div>
  )
}
