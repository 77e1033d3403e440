import { ScatterplotLayer } from '@deck.gl/layers'
import type { CitizenReport } from '@ioc/domain'

export const CITIZEN_REPORT_LAYER_ID = 'citizen-reports'

/** New reports stand out (magenta, like what needs attention); verified ones are calmer (blue). */
const COLOR: Record<'new' | 'verified', [number, number, number, number]> = {
  new: [240, 48, 154, 230],
  verified: [77, 171, 247, 220],
}

/** Open citizen reports as rings with a white edge, above the live layers: where people say it is happening. */
export function citizenReportLayer(
  reports: readonly CitizenReport[],
  scale: number,
): ScatterplotLayer<CitizenReport> {
  return new ScatterplotLayer<CitizenReport>({
    id: CITIZEN_REPORT_LAYER_ID,
    data: reports.filter((r) => r.status === 'new' || r.status === 'verified'),
    getPosition: (r) => r.location,
    getFillColor: (r) => COLOR[r.status === 'verified' ? 'verified' : 'new'],
    getLineColor: [255, 255, 255, 255],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2 * scale,
    radiusUnits: 'pixels',
    getRadius: 8 * scale,
    pickable: true,
  })
}
