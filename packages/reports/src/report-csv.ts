import type { OperationsReport } from '@ioc/domain'

const HEADER = ['district', 'table', 'subject', 'name', 'metric', 'value']

/**
 * The report as one long CSV table (RFC 4180), one figure per row, so a spreadsheet can pivot it by
 * district, table or metric. The city-wide rows have the district "(all)".
 */
export function reportToCsv(report: OperationsReport): string {
  const rows: (string | number | null)[][] = [HEADER]
  for (const s of report.sections) {
    const d = s.district ?? '(all)'
    for (const c of s.alertCounts) rows.push([d, 'alerts', `${c.kind}/${c.severity}`, '', 'count', c.count])
    rows.push([d, 'ack', '', '', 'n', s.ack.n], [d, 'ack', '', '', 'median_s', s.ack.medianS])
    rows.push(
      [d, 'ack', '', '', 'p90_s', s.ack.p90S],
      [d, 'ack', '', '', 'within_target_share', s.ack.withinTargetShare],
    )
    rows.push([d, 'resolve', '', '', 'n', s.resolve.n], [d, 'resolve', '', '', 'median_s', s.resolve.medianS])
    rows.push([d, 'resolve', '', '', 'p90_s', s.resolve.p90S])
    for (const c of s.congestion) rows.push([d, 'congestion', c.segmentId, c.name, 'hours', c.hours])
    for (const f of s.floods) rows.push([d, 'flood', f.stationId, f.name, 'hours', f.hours])
    for (const g of s.gauges) {
      rows.push([d, 'gauge', g.stationId, g.name, 'max_m', g.maxM])
      rows.push([
        d,
        'gauge',
        g.stationId,
        g.name,
        'max_at',
        g.maxAt === null ? null : new Date(g.maxAt).toISOString(),
      ])
      rows.push([d, 'gauge', g.stationId, g.name, 'reached', g.reached])
    }
    for (const k of s.forecastSkill) {
      for (const metric of ['verified', 'missed', 'far', 'events', 'detected', 'pod'] as const)
        rows.push([d, 'forecast_skill', k.kind, '', metric, k[metric]])
    }
    for (const c of s.citizenReports) {
      rows.push([d, 'citizen_reports', c.category, '', 'count', c.count])
      for (const [table, stats] of [
        ['citizen_first_answer', c.firstAnswer],
        ['citizen_resolve', c.resolve],
      ] as const)
        rows.push(
          [d, table, c.category, '', 'n', stats.n],
          [d, table, c.category, '', 'median_s', stats.medianS],
          [d, table, c.category, '', 'p90_s', stats.p90S],
        )
    }
    rows.push([d, 'incidents', '', '', 'opened', s.incidents.opened])
    rows.push([d, 'incidents', '', '', 'resolved', s.incidents.resolved])
    for (const st of s.incidents.steps) {
      const step = `${st.procedureId}/${st.stepId}`
      rows.push(
        [d, 'checklist', step, st.text.vi, 'shown', st.shown],
        [d, 'checklist', step, st.text.vi, 'ticked', st.ticked],
      )
    }
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`
}

function cell(v: string | number | null): string {
  if (v === null) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
