import { type Alert, type AlertSubject, can } from '@ioc/domain'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useSearchParams } from 'react-router'
import { answer, createApiClient } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import { useAuth } from '../auth/auth-provider'
import { SignedOut } from '../auth/signed-out'
import { subjectLabel } from '../console/subject-label'
import { Legend } from '../map/legend'
import { LiveMap } from '../map/live-map'
import { computeKpis } from '../state/kpis'
import { KpiStrip } from '../wall/kpi-strip'
import { StatusBanner } from '../wall/status-banner'
import { AlertComparison } from './alert-comparison'
import { addSubject, subjectOfPick } from './chart-subjects'
import { ExportLinks } from './export-links'
import { IncidentsPanel } from './incidents-panel'
import type { TimeRange } from './marker-layout'
import { RangePicker } from './range-picker'
import { presetRange } from './range-presets'
import { raisedBy } from './replay-alerts'
import { ReplayCharts } from './replay-charts'
import { ReplayProvider, useReplay } from './replay-provider'
import { Timeline } from './timeline'
import { TransportControls } from './transport-controls'
import { NO_WHAT_IF, rulesOverrideOf, type WhatIf } from './what-if-override'
import { WhatIfPanel } from './what-if-panel'
import './replay.css'

type Tab = 'alerts' | 'charts' | 'whatIf' | 'incidents'
const TABS: readonly Tab[] = ['alerts', 'charts', 'whatIf', 'incidents']
const DEFAULT_SPEED = 60

/** The range the URL asks for: `?from=&to=` (epoch ms); an `?incident=` is resolved by the page. */
function rangeOfParams(params: URLSearchParams): TimeRange | null {
  const from = Number(params.get('from'))
  const to = Number(params.get('to'))
  return params.has('from') && params.has('to') && Number.isInteger(from) && Number.isInteger(to) && from < to
    ? { from, to }
    : null
}

function ReplayView() {
  const { t } = useTranslation()
  const { index, feed, view } = useReplay()
  const api = useMemo(() => createApiClient(null), [])
  const [params, setParams] = useSearchParams()
  const incidentId = params.get('incident')
  const [range, setRange] = useState<TimeRange | null>(() =>
    incidentId ? null : (rangeOfParams(params) ?? presetRange('last6h', Date.now())),
  )
  const [whatIf, setWhatIf] = useState<WhatIf>(NO_WHAT_IF)
  const [tab, setTab] = useState<Tab>('alerts')
  const [subjects, setSubjects] = useState<AlertSubject[]>([])
  const [incidentsEpoch, setIncidentsEpoch] = useState(0)
  const [opened, setOpened] = useState<string | null>(null)

  // `/replay?incident=<id>` opens the incident's range.
  useEffect(() => {
    if (!incidentId) return
    let current = true
    answer(api.GET('/api/v1/incidents/{id}', { params: { path: { id: incidentId } } })).then(
      (i) => {
        if (!current) return
        setRange({ from: i.from, to: i.to })
        setOpened(null)
      },
      (err: unknown) => current && setOpened(err instanceof Error ? err.message : String(err)),
    )
    return () => {
      current = false
    }
  }, [api, incidentId])

  // A new range replays from its start, with the what-if in force and the speed the analyst chose.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new range restarts from its start.
  useEffect(() => {
    if (!range) return
    void feed.start({
      ...range,
      speed: feed.getView().replay?.speed ?? DEFAULT_SPEED,
      ...withOverride(whatIf),
    })
  }, [feed, range])

  const applyWhatIf = async (w: WhatIf) => {
    if (!range) return
    const request = { ...range, speed: view.replay?.speed ?? DEFAULT_SPEED, ...withOverride(w) }
    // A refused what-if (say báo động II under I) leaves the replay and the form as they were.
    if (await feed.start(request, view.replay?.t)) setWhatIf(w)
  }
  const chooseRange = (r: TimeRange) => {
    setParams({ from: String(r.from), to: String(r.to) })
    setRange(r)
  }
  const control = feed.control
  const seek = useCallback((ms: number) => void control({ type: 'seek', t: Math.floor(ms) }), [control])

  const incidents = useApiResource(
    { key: 'incidents', load: (signal) => answer(api.GET('/api/v1/incidents', { signal })) },
    incidentsEpoch,
  )
  const recordedList = useApiResource(
    range
      ? {
          key: `alerts ${range.from}–${range.to}`,
          load: (signal) =>
            answer(
              api.GET('/api/v1/alerts', {
                params: { query: { state: 'all', from: range.from, to: range.to } },
                signal,
              }),
            ),
        }
      : null,
  )
  const clock = view.replay
  const now = clock?.t ?? range?.from ?? 0

  // Recorded: the day's alerts from the store, each as the replay last showed it when it has; replayed:
  // those the replay has passed through (the engine's alerts are known only as it runs).
  const recorded = useMemo(() => {
    const all = new Map<string, Alert>((recordedList.data?.alerts ?? []).map((a) => [a.id, a]))
    for (const [id, a] of view.seenRecorded) all.set(id, a)
    return [...all.values()]
  }, [recordedList.data, view.seenRecorded])
  const replayed = useMemo(() => [...view.seenReplayed.values()], [view.seenReplayed])
  const markers = useMemo(
    () => [
      ...recorded.map((alert) => ({ alert, source: 'recorded' as const })),
      ...replayed.map((alert) => ({ alert, source: 'replayed' as const })),
    ],
    [recorded, replayed],
  )
  const describeAlert = useCallback(
    (a: Alert) => {
      const name = subjectLabel(index, a.subject)?.name || t('console.unnamedSegment', { id: a.subject.id })
      return `${name} · ${t(`alertKind.${a.kind}`)} · ${t(`severity.${a.severity}`)}`
    },
    [index, t],
  )
  // biome-ignore lint/correctness/useExhaustiveDependencies: the versions say when feed.state changed.
  const kpis = useMemo(
    () => computeKpis(index, feed.state, view.alerts),
    [index, feed.state, view.trafficVersion, view.waterVersion, view.alerts],
  )
  const onPick = useCallback(
    (pick: { layerId: string; object: unknown }) => {
      const s = subjectOfPick(index, pick)
      if (!s) return
      setSubjects((xs) => addSubject(xs, s))
      setTab('charts')
    },
    [index],
  )

  return (
    <div className="replay">
      <div className="replay-bar">
        {range && (
          <RangePicker
            range={range}
            incidents={incidents.data?.incidents ?? []}
            onRange={chooseRange}
            onIncident={(id) => setParams({ incident: id })}
          />
        )}
        {range && <ExportLinks range={range} />}
      </div>
      {opened && (
        <p role="alert" className="replay-error">
          {opened}
        </p>
      )}
      {view.error && (
        <p role="alert" className="replay-error">
          {t('replay.refused', { message: view.error })}
        </p>
      )}
      <div className="replay-body">
        <div className="replay-map">
          <LiveMap theme="light" scale={1} interactive onPick={onPick} />
          <KpiStrip kpis={kpis} />
          {view.whatIf && <div className="replay-what-if-flag">{t('replay.whatIf.flag')}</div>}
          {!view.connected && (
            <StatusBanner
              status={view.everConnected ? 'reconnecting' : 'connecting'}
              lastDataAt={view.lastDataAt}
              now={Date.now()}
            />
          )}
          <Legend />
        </div>
        <aside className="replay-side">
          <div role="tablist" aria-label={t('replay.panels')}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`replay-tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`replay-panel-${id}`}
                onClick={() => setTab(id)}
              >
                {t(`replay.tabs.${id}`)}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`replay-panel-${tab}`}
            aria-labelledby={`replay-tab-${tab}`}
            className="replay-panel"
          >
            {tab === 'alerts' && (
              <AlertComparison
                recorded={raisedBy(recorded, now)}
                replayed={raisedBy(replayed, now)}
                whatIf={view.whatIf}
                describeAlert={describeAlert}
                onSeek={seek}
              />
            )}
            {tab === 'charts' && range && (
              <ReplayCharts
                api={api}
                index={index}
                subjects={subjects}
                onSubjects={setSubjects}
                range={range}
                cursorMs={now}
                onSeek={seek}
              />
            )}
            {tab === 'whatIf' && (
              <WhatIfPanel index={index} current={whatIf} onApply={(w) => void applyWhatIf(w)} />
            )}
            {tab === 'incidents' && range && (
              <IncidentsPanel
                api={api}
                range={range}
                refreshKey={incidentsEpoch}
                onChanged={() => setIncidentsEpoch((e) => e + 1)}
              />
            )}
          </div>
        </aside>
      </div>
      <div className="replay-transport">
        {clock && range ? (
          <>
            <TransportControls clock={clock} stepMs={view.stepMs} control={control} />
            <Timeline
              range={range}
              t={clock.t}
              stepMs={view.stepMs}
              alerts={markers}
              incidents={incidents.data?.incidents ?? []}
              whatIf={view.whatIf}
              describeAlert={describeAlert}
              onSeek={seek}
            />
          </>
        ) : (
          <p className="muted">{t('replay.starting')}</p>
        )}
      </div>
    </div>
  )
}

function withOverride(w: WhatIf): { rulesOverride?: Record<string, unknown> } {
  const rulesOverride = rulesOverrideOf(w)
  return rulesOverride ? { rulesOverride } : {}
}

/** `/replay`: an analyst's replay of any past range on the live map, with what-if rules and incidents. */
export default function ReplayPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  if (!user) return null
  if (!can({ kind: 'user', ...user }, 'replay:use')) return <Navigate to="/" replace />
  return (
    <ReplayProvider
      loading={<p className="replay-loading">{t('replay.starting')}</p>}
      refused={<SignedOut />}
    >
      <ReplayView />
    </ReplayProvider>
  )
}
