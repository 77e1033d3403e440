import type { Alert, Incident } from '@ioc/domain'
import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import {
  fractionAt,
  layoutAlertMarkers,
  layoutBookmarks,
  type MarkerSource,
  type TimeRange,
  timeAtFraction,
  timeTicks,
} from './marker-layout'

/** Markers nearer than this share of the track stack into rows (about 10 px on a 1000 px timeline). */
const MARKER_GAP = 0.01
const MAX_TICKS = 10
/** PageUp / PageDown move this many steps. */
const PAGE_STEPS = 12

export interface TimelineProps {
  range: TimeRange
  /** The replay clock, epoch ms. */
  t: number
  stepMs: number
  alerts: readonly { alert: Alert; source: MarkerSource }[]
  incidents: readonly Incident[]
  /** Whether the replayed alerts come from overridden rules: their markers are then labelled what-if. */
  whatIf: boolean
  /** The marker's accessible name and tooltip, e.g. "Phú An · Critical". */
  describeAlert: (a: Alert) => string
  onSeek: (t: number) => void
}

/**
 * The replay range as a slider: recorded alerts above the track (triangles), replayed or what-if ones
 * below it (diamonds), incident bookmarks on it. Click or drag seeks (once, on release, so a drag does
 * not queue a seek per pixel); arrows move one step, PageUp/PageDown a dozen, Home/End the ends.
 */
export function Timeline({
  range,
  t,
  stepMs,
  alerts,
  incidents,
  whatIf,
  describeAlert,
  onSeek,
}: TimelineProps) {
  const { t: tr } = useTranslation()
  const { f } = useFormatters()
  const track = useRef<HTMLDivElement>(null)
  const [dragAt, setDragAt] = useState<number | null>(null)
  const markers = useMemo(() => layoutAlertMarkers(alerts, range, MARKER_GAP), [alerts, range])
  const bookmarks = useMemo(() => layoutBookmarks(incidents, range), [incidents, range])
  const ticks = useMemo(() => timeTicks(range, MAX_TICKS), [range])
  const shown = dragAt ?? t
  const at = (x: number) => `${(x * 100).toFixed(3)}%`
  const when = (ms: number) => `${f.date(ms)} ${f.clock(ms)}`

  const timeAtPointer = (e: PointerEvent) => {
    const box = track.current?.getBoundingClientRect()
    if (!box || box.width === 0) return null
    return timeAtFraction((e.clientX - box.left) / box.width, range)
  }
  const seekClamped = (ms: number) => onSeek(Math.min(range.to - 1, Math.max(range.from, ms)))

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const ms = timeAtPointer(e)
    if (ms === null) return
    e.currentTarget.setPointerCapture?.(e.pointerId)
    setDragAt(ms)
  }
  const onPointerMove = (e: PointerEvent) => {
    if (dragAt === null) return
    const ms = timeAtPointer(e)
    if (ms !== null) setDragAt(ms)
  }
  const onPointerUp = (e: PointerEvent) => {
    if (dragAt === null) return
    const ms = timeAtPointer(e) ?? dragAt
    setDragAt(null)
    onSeek(ms)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowLeft: t - stepMs,
      ArrowDown: t - stepMs,
      ArrowRight: t + stepMs,
      ArrowUp: t + stepMs,
      PageDown: t - PAGE_STEPS * stepMs,
      PageUp: t + PAGE_STEPS * stepMs,
      Home: range.from,
      End: range.to - 1,
    }
    const target = moves[e.key]
    if (target === undefined) return
    // The page's own ← → (step) must not also act on this key.
    e.preventDefault()
    e.stopPropagation()
    seekClamped(target)
  }

  const lane = (source: MarkerSource) => (
    <div className={`timeline-lane timeline-lane-${source}`}>
      {markers
        .filter((m) => m.source === source)
        .map((m) => {
          const name = source === 'replayed' && whatIf ? 'whatIf' : source
          const label = `${tr(`replay.source.${name}`)} · ${describeAlert(m.alert)} · ${when(m.alert.raisedAt)}`
          return (
            <button
              key={m.alert.id}
              type="button"
              className={`timeline-marker marker-${source} severity-${m.alert.severity}`}
              style={{ left: at(m.x), [source === 'recorded' ? 'bottom' : 'top']: `${m.row * 11}px` }}
              aria-label={label}
              title={label}
              data-source={source}
              onClick={() => seekClamped(m.alert.raisedAt)}
            />
          )
        })}
    </div>
  )

  return (
    // A custom slider, not <input type="range">: the track holds the cursor and the bookmark buttons.
    <div className="timeline">
      {lane('recorded')}
      <div
        ref={track}
        className="timeline-track"
        role="slider"
        tabIndex={0}
        aria-label={tr('replay.timeline')}
        aria-valuemin={range.from}
        aria-valuemax={range.to}
        aria-valuenow={shown}
        aria-valuetext={when(shown)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDragAt(null)}
        onKeyDown={onKeyDown}
      >
        <div className="timeline-played" style={{ width: at(fractionAt(shown, range)) }} />
        {bookmarks.map((b) => (
          <button
            key={b.incident.id}
            type="button"
            className="timeline-bookmark"
            style={{ left: at(b.start), width: at(Math.max(0.004, b.end - b.start)) }}
            aria-label={tr('replay.bookmarkAt', { title: b.incident.title, time: when(b.incident.from) })}
            title={b.incident.title}
            // The track would otherwise take the press as a seek to the pointer.
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => seekClamped(b.incident.from)}
          >
            {b.incident.title}
          </button>
        ))}
        <div className="timeline-cursor" style={{ left: at(fractionAt(shown, range)) }} />
      </div>
      {lane('replayed')}
      <div className="timeline-ticks" aria-hidden="true">
        {ticks.map((ms) => (
          <span key={ms} style={{ left: at(fractionAt(ms, range)) }}>
            {f.time(ms)}
          </span>
        ))}
      </div>
    </div>
  )
}
