/**
 * Drops binary floating-point noise from a derived quantity (1.40 − 0.05 = 1.3499999999999999) so
 * thresholds compare and print as the decimals an operator configured. Nine places is far below any
 * sensor's resolution (mm of water, cm of depth, km/h).
 */
export function roundDecimal(x: number): number {
  return Math.round(x * 1e9) / 1e9
}
