/**
 * A level the Đài KTTV Nam Bộ reported for a gauge, as the forecast package takes it (the fixtures and
 * an imported recording are turned into these at the edge). `day` is the local date: the unit that
 * cross-validation leaves out, because the errors within one day share its surge and river flow.
 */
export type ReportedLevel =
  | {
      kind: 'extreme'
      stationId: string
      day: string
      extreme: 'high' | 'low'
      /** Local time to the printed half hour, epoch ms. */
      atMs: number
      levelM: number
      source: string
    }
  | {
      /** The highest level within [fromMs, toMs): a day's peak, or the hours a forecast names. */
      kind: 'peak'
      stationId: string
      day: string
      status: 'observed' | 'forecast'
      fromMs: number
      toMs: number
      minM: number
      maxM: number
      source: string
    }
