import type { TFunction } from 'i18next'
import type { Formatters } from '../i18n/format'
import type { LiveState } from '../state/live-state'
import type { NetworkIndex } from '../state/network-index'
import { ALERT_LAYER_ID, type AlertMarker } from './alert-layers'
import { FLOOD_LAYER_ID } from './flood-layer'
import { GAUGE_LAYER_ID, type StationFeature } from './gauge-layers'
import { SEGMENT_LAYER_ID, type SegmentFeature } from './segment-speed-layer'

export interface TooltipContext {
  index: NetworkIndex
  state: LiveState
  t: TFunction
  f: Formatters
  lang: 'vi' | 'en'
  /** Epoch ms; a report older than a day shows its date too. */
  now: number
}

export interface Pick {
  layerId: string
  object: unknown
}

function reported(ctx: TooltipContext, at: number): string {
  if (at <= 0) return ctx.t('tooltip.noReport')
  const time = ctx.now - at > 86_400_000 ? `${ctx.f.date(at)} ${ctx.f.clock(at)}` : ctx.f.clock(at)
  return ctx.t('tooltip.reported', { time })
}

/** Name, value and time of last report of what is under the pointer, one line each; null for nothing. */
export function describePick(pick: Pick, ctx: TooltipContext): string[] | null {
  const { state, f, t } = ctx
  switch (pick.layerId) {
    case SEGMENT_LAYER_ID: {
      const s = pick.object as SegmentFeature
      const speed = state.speedKph[s.id] as number
      return [
        s.properties.name || s.properties.id,
        s.properties.district,
        Number.isNaN(speed)
          ? t('tooltip.noReport')
          : t('tooltip.speed', { speed: f.kph(speed), free: f.kph(s.properties.freeFlowKph) }),
        ...(Number.isNaN(speed) ? [] : [reported(ctx, state.trafficAt[s.id] as number)]),
      ]
    }
    case GAUGE_LAYER_ID:
    case FLOOD_LAYER_ID: {
      const s = pick.object as StationFeature
      const v = state.waterValue[s.id] as number
      const value = Number.isNaN(v)
        ? t('tooltip.noReport')
        : s.properties.kind === 'street-flood-sensor'
          ? t('tooltip.depth', { depth: f.centimetres(v) })
          : t('tooltip.level', { level: f.metres(v) })
      return [
        s.properties.name,
        value,
        ...(Number.isNaN(v) ? [] : [reported(ctx, state.waterAt[s.id] as number)]),
      ]
    }
    case ALERT_LAYER_ID: {
      const { alert } = pick.object as AlertMarker
      return [
        alert.message[ctx.lang],
        `${t(`severity.${alert.severity}`)} · ${f.number(alert.value, 2)} ${alert.unit}`,
        f.clock(alert.raisedAt),
      ]
    }
    default:
      return null
  }
}
