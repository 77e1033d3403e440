import { type EstuaryTide, evaluateEstuaryTide, type TideBases } from '@ioc/forecast'

export interface FittedTides {
  'phu-an': EstuaryTide
  'nha-be': EstuaryTide
}

/**
 * The astronomical level at each gauge, metres on the national datum. Phú An and Nhà Bè use their estuary
 * tide models fitted to the reported levels. No timed readings exist for the two upstream gauges, so they
 * are derived from Phú An: Thủ Dầu Một an hour later and 0.13 m higher (the 2025-11-06 forecasts:
 * 1.87–1.90 m there vs 1.72–1.78 m at Phú An, nld.com.vn 2025-11-05); Biên Hòa on the Đồng Nai an hour
 * later with 80 % of the range and 0.3 m higher: an uncalibrated assumption that keeps it below its
 * báo động I (1.80 m) on the king tide.
 */
export function createGaugeLevels(
  bases: TideBases,
  tides: FittedTides,
): Record<string, (atMs: number) => number> {
  const phuAn = (atMs: number) => evaluateEstuaryTide(bases, tides['phu-an'], atMs)
  const HOUR_MS = 3_600_000
  return {
    'phu-an': phuAn,
    'nha-be': (atMs) => evaluateEstuaryTide(bases, tides['nha-be'], atMs),
    'thu-dau-mot': (atMs) => phuAn(atMs - HOUR_MS) + 0.13,
    'bien-hoa': (atMs) => 0.8 * phuAn(atMs - HOUR_MS) + 0.3,
  }
}
