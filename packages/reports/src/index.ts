export { computeReport, durationStats, quantile, type ReportInput } from './compute-report'
export { realForecastSkill } from './real-forecast-skill'
export { reportToCsv } from './report-csv'
