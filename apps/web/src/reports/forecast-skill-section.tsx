import type { RealForecastSkill, SkillCell } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'

const METHODS = ['forecast', 'single-lag', 'astronomical', 'persistence'] as const

/**
 * "Forecast skill / Kỹ năng dự báo": per gauge, the tide forecast judged on the reported levels, the
 * figures of `ioc backtest --real` (GET /api/v1/forecast-skill).
 */
export function ForecastSkillSection({ skill }: { skill: RealForecastSkill }) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const cell = (c: SkillCell) =>
    `${c.medianAbsDtMin === null ? '–' : `${f.number(c.medianAbsDtMin, 0)}′`} / ${
      c.medianAbsDhCm === null ? '–' : `${f.number(c.medianAbsDhCm, 1)} cm`
    } (${c.n})`
  const kind = (k: string) => t(`reports.realSkill.${k}`)
  return (
    <section className="report-section" aria-labelledby="forecast-skill-title">
      <h2 id="forecast-skill-title">{t('reports.realSkill.title')}</h2>
      <p>{t('reports.realSkill.about', { days: skill.days, source: skill.source })}</p>
      {skill.gauges.map((g) => (
        <section key={g.stationId} aria-label={g.name}>
          <h3>{g.name}</h3>
          <table aria-label={`${g.name}: ${t('reports.realSkill.ahead')}`}>
            <caption>{t('reports.realSkill.ahead')}</caption>
            <thead>
              <tr>
                <th>{t('reports.realSkill.kind')}</th>
                <th className="num">{t('reports.realSkill.lead')}</th>
                {METHODS.map((m) => (
                  <th key={m}>{t(`reports.realSkill.${m}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {g.leads.map((row) => (
                <tr key={`${row.kind}-${row.leadH}`}>
                  <td>{kind(row.kind)}</td>
                  <td className="num">{row.leadH} h</td>
                  {METHODS.map((m) => (
                    <td key={m}>{cell(row.cells[m])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label={`${g.name}: ${t('reports.realSkill.curve')}`}>
            <caption>{t('reports.realSkill.curve')}</caption>
            <thead>
              <tr>
                <th>{t('reports.realSkill.kind')}</th>
                <th>{t('reports.realSkill.estuary')}</th>
                <th>{t('reports.realSkill.single-lag')}</th>
              </tr>
            </thead>
            <tbody>
              {g.leaveOneDayOut.map((row) => (
                <tr key={row.kind}>
                  <td>{kind(row.kind)}</td>
                  <td>{cell(row.estuary)}</td>
                  <td>{cell(row.singleLag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label={`${g.name}: ${t('reports.realSkill.band')}`}>
            <caption>{t('reports.realSkill.band')}</caption>
            <thead>
              <tr>
                <th className="num">{t('reports.realSkill.lead')}</th>
                <th className="num">{t('reports.realSkill.coverage')}</th>
                <th className="num">{t('reports.realSkill.halfWidth')}</th>
              </tr>
            </thead>
            <tbody>
              {g.band.map((b) => (
                <tr key={b.leadH}>
                  <td className="num">{b.leadH} h</td>
                  <td className="num">
                    {b.coverage === null ? '–' : `${f.number(b.coverage * 100, 0)} %`} ({b.n})
                  </td>
                  <td className="num">
                    {b.medianHalfWidthCm === null ? '–' : `±${f.number(b.medianHalfWidthCm, 1)} cm`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  )
}
