import type { Severity } from '@ioc/domain'
import type { AlarmStage } from '../state/alarm-stage'

export type Rgba = [number, number, number, number]

/**
 * Speed as a share of free flow, from stopped to free: magenta → orange → amber → blue. Hue and lightness
 * both change along the ramp, so it reads with deuteranopia and protanopia (blue/orange stay apart), and
 * red–green is never the only cue.
 */
const SPEED_STOPS: readonly [number, Rgba][] = [
  [0.15, [190, 20, 140, 255]],
  [0.4, [245, 100, 40, 255]],
  [0.7, [250, 200, 70, 255]],
  [0.95, [70, 160, 250, 255]],
]
export const NO_DATA: Rgba = [120, 132, 145, 110]

export function speedRatioColor(ratio: number): Rgba {
  if (Number.isNaN(ratio)) return NO_DATA
  const first = SPEED_STOPS[0] as [number, Rgba]
  if (ratio <= first[0]) return first[1]
  for (let i = 1; i < SPEED_STOPS.length; i++) {
    const [x1, c1] = SPEED_STOPS[i] as [number, Rgba]
    if (ratio > x1) continue
    const [x0, c0] = SPEED_STOPS[i - 1] as [number, Rgba]
    const t = (ratio - x0) / (x1 - x0)
    return c0.map((v, k) => Math.round(v + t * ((c1[k] as number) - v))) as Rgba
  }
  return (SPEED_STOPS[SPEED_STOPS.length - 1] as [number, Rgba])[1]
}

/** Gauges and flood depth by stage: calm blue, then the same amber/orange/magenta as heavy traffic. */
export const STAGE_COLORS: Record<AlarmStage, Rgba> = {
  0: [70, 160, 250, 255],
  1: [250, 200, 70, 255],
  2: [245, 100, 40, 255],
  3: [190, 20, 140, 255],
}

/**
 * The one severity palette: the map's alert rings draw with it, and `severityProperties` hands it to
 * every stylesheet (console badges and queue, replay, wall ticker) as CSS custom properties. Critical is
 * báo động III's magenta, dark enough for white text (5.7:1; the brighter 230/30/150 the map used gave
 * 4.2).
 */
export const SEVERITY_COLORS: Record<Severity, Rgba> = {
  warning: [250, 200, 70, 255],
  minor: [245, 150, 50, 255],
  major: [245, 100, 40, 255],
  critical: [190, 20, 140, 255],
}

/** Text on each severity's colour: white on magenta, near-black on the light oranges (WCAG AA, 4.5:1). */
export const SEVERITY_INK: Record<Severity, Rgba> = {
  warning: [27, 15, 5, 255],
  minor: [27, 15, 5, 255],
  major: [27, 15, 5, 255],
  critical: [255, 255, 255, 255],
}

/**
 * `--severity-<s>` and `--severity-<s>-ink` for the document root; `app/severity.css` turns a
 * `severity-<s>` class into `--severity` / `--severity-ink` for the element's own rules.
 */
export function severityProperties(): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const s of Object.keys(SEVERITY_COLORS) as Severity[]) {
    properties[`--severity-${s}`] = cssColor(SEVERITY_COLORS[s])
    properties[`--severity-${s}-ink`] = cssColor(SEVERITY_INK[s])
  }
  return properties
}

export function cssColor([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`
}
