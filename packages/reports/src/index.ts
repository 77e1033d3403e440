export { computeReport, durationStats, quantile, type ReportInput } from './compute-report'
export { reportToCsv } from './report-csv'
