import type { Alert, AlertAction, OperationalIncident, OperationalIncidentAction } from '@ioc/domain'
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiRequestError, answer } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import type { IocSocket } from '../connection/live-feed'
import { useNow } from '../hooks/use-now'
import { sortIncidents, unackedCount } from '../state/incident-list'
import type { NetworkIndex } from '../state/network-index'
import type { AlarmTone } from './alarm-tone'
import { AlertDetail } from './alert-detail'
import { AlertQueue } from './alert-queue'
import { subjectName } from './alert-row'
import { CriticalBanner } from './critical-banner'
import { IncidentDetail } from './incident-detail'
import { IncidentQueue } from './incident-queue'
import { sendIncidentAction } from './incident-requests'
import { filterQueue, NO_FILTER } from './queue-filter'
import { QueueFilters } from './queue-filters'
import { sortQueue } from './queue-order'
import { SilencesPanel } from './silences-panel'
import { type SubjectLabel, subjectLabel } from './subject-label'
import { useAlertActions } from './use-alert-actions'
import { useCriticalCue } from './use-critical-cue'
import { useMuted } from './use-muted'
import { WARNINGS_REFRESH_MS, WarningsPanel } from './warnings-panel'
import './console.css'

export interface AlertConsoleProps {
  index: NetworkIndex
  /** Open alerts as the live feed has them (snapshot, then `alert:changed`). */
  alerts: readonly Alert[]
  /** Open incidents as the live feed has them (snapshot, then `operational-incident:changed`). */
  incidents: readonly OperationalIncident[]
  /** Whether the signed-in user may open the replay, where an incident's time range can be replayed. */
  canReplay?: boolean
  /** What the console opens on; default the incidents. */
  initialView?: 'incidents' | 'alerts'
  /** True once the feed has its first snapshot: the alerts open then are not announced as new. */
  ready: boolean
  /** Data time, epoch ms. */
  dataNow: number
  api: ApiClient
  /** The desk's socket, for what other officers change (silences). */
  socket: IocSocket
  /** The signed-in duty officer, for optimistic updates. */
  user: string
  tone: AlarmTone
  /** Connection status, shown above everything. */
  status?: ReactNode
}

/**
 * The duty officer's console: incidents first (one row per group of alerts sharing a cause), the alerts
 * one by one on request; the opened incident or alert, or the silences; and the cue for new criticals.
 */
export function AlertConsole(props: AlertConsoleProps) {
  const { index, api, dataNow } = props
  const { t } = useTranslation()
  const { alerts, act, failure, dismissFailure } = useAlertActions(api, props.alerts, props.user)
  const [filter, setFilter] = useState(NO_FILTER)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [panel, setPanel] = useState<'detail' | 'silences' | 'warnings'>('detail')
  const [view, setView] = useState<'incidents' | 'alerts'>(props.initialView ?? 'incidents')
  const [activeIncidentId, setActiveIncidentId] = useState<string | null>(null)
  const [openIncidentId, setOpenIncidentId] = useState<string | null>(null)
  const [incidentFailure, setIncidentFailure] = useState<string | null>(null)
  const [muted, setMuted] = useMuted()
  // The cue follows the server's word: a rolled-back acknowledgement must not ring again.
  const cue = useCriticalCue(props.alerts, props.ready, muted, props.tone)
  const officers = useApiResource({
    key: 'duty officers',
    load: (signal) =>
      answer(api.GET('/api/v1/users', { params: { query: { role: 'duty-officer' } }, signal })),
  })

  // Drafts are made just after an alert changes, and the timer catches those made after the change.
  const warningsKey = `${Math.floor(useNow(WARNINGS_REFRESH_MS) / WARNINGS_REFRESH_MS)}:${props.alerts.length}`
  const pendingWarnings = useApiResource(
    {
      key: 'warnings to approve',
      load: (signal) =>
        answer(api.GET('/api/v1/warnings', { params: { query: { state: 'pending', limit: 100 } }, signal })),
    },
    warningsKey,
  )
  const toApprove = pendingWarnings.data?.warnings.length ?? 0

  const listRef = useRef<HTMLDivElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const focusDetail = useRef(false)
  const lastIndex = useRef(0)

  // One label object per subject, so memoised rows see the same props while nothing changed.
  const labelOf = useMemo(() => {
    const cache = new Map<string, SubjectLabel | null>()
    return (a: Alert) => {
      const key = `${a.subject.type}:${a.subject.id}`
      if (!cache.has(key)) cache.set(key, subjectLabel(index, a.subject))
      return cache.get(key) ?? null
    }
  }, [index])
  const nameOf = useCallback((a: Alert) => subjectName(labelOf(a), a, t), [labelOf, t])
  const queue = useMemo(
    () =>
      sortQueue(
        filterQueue(alerts, filter, (a) => {
          const l = labelOf(a)
          return l ? `${l.name} ${l.district}` : a.subject.id
        }),
      ),
    [alerts, filter, labelOf],
  )

  // When the active alert leaves the queue (resolved, filtered out), stay at the same place in it.
  const found = queue.findIndex((a) => a.id === activeId)
  if (found >= 0) lastIndex.current = found
  const active = found >= 0 ? activeId : (queue[Math.min(lastIndex.current, queue.length - 1)]?.id ?? null)
  const opened = alerts.find((a) => a.id === openId) ?? null

  const incidents = useMemo(() => sortIncidents(props.incidents), [props.incidents])
  const openedIncident = incidents.find((i) => i.id === openIncidentId) ?? null
  useEffect(() => {
    if (focusDetail.current && (opened || openedIncident)) {
      focusDetail.current = false
      headingRef.current?.focus()
    }
  }, [opened, openedIncident])

  const open = (id: string) => {
    setActiveId(id)
    setOpenId(id)
    setPanel('detail')
    focusDetail.current = true
  }
  const acknowledge = (id: string) => {
    const a = alerts.find((x) => x.id === id)
    if (a && a.ack === null) void act(id, { type: 'acknowledge', note: '' })
  }

  const openIncident = (id: string) => {
    setActiveIncidentId(id)
    setOpenIncidentId(id)
    setPanel('detail')
    focusDetail.current = true
  }
  const actOnIncident = async (id: string, action: OperationalIncidentAction) => {
    setIncidentFailure(null)
    try {
      await sendIncidentAction(api, id, action)
      return true
    } catch (err) {
      const message =
        err instanceof ApiRequestError
          ? (err.body?.message ?? t('console.error.http', { status: err.status }))
          : t('console.error.network')
      setIncidentFailure(t('opsIncidents.failed', { action: t(`console.${action.type}`), message }))
      return false
    }
  }
  const acknowledgeIncident = (id: string) => {
    const i = incidents.find((x) => x.id === id)
    if (i && unackedCount(i) > 0) void actOnIncident(id, { type: 'acknowledge', note: '' })
  }
  const showAlert = (id: string) => {
    setView('alerts')
    open(id)
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const typing =
      e.target instanceof HTMLInputElement ||
      e.target instanceof HTMLTextAreaElement ||
      e.target instanceof HTMLSelectElement
    if (e.key === 'Escape' && e.target !== listRef.current) {
      // Back to the queue from wherever the officer is (detail, silences, a form).
      listRef.current?.focus()
      e.preventDefault()
    } else if (e.key === '/' && !typing) {
      searchRef.current?.focus()
      e.preventDefault()
    }
  }

  const unacked = alerts.filter((a) => a.ack === null).length
  const flashing = cue.flashing.flatMap((id) => {
    const a = alerts.find((x) => x.id === id)
    return a && a.ack === null ? [{ alert: a, name: nameOf(a) }] : []
  })

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and "/" work from anywhere in the console.
    <div className="console" onKeyDown={onKeyDown}>
      {props.status}
      <header className="console-toolbar">
        <h1>{view === 'incidents' ? t('opsIncidents.title') : t('console.title')}</h1>
        <fieldset className="view-switch" aria-label={t('opsIncidents.view.label')}>
          <button type="button" aria-pressed={view === 'incidents'} onClick={() => setView('incidents')}>
            {t('opsIncidents.view.incidents')}
          </button>
          <button type="button" aria-pressed={view === 'alerts'} onClick={() => setView('alerts')}>
            {t('opsIncidents.view.alerts')}
          </button>
        </fieldset>
        <span className="console-counts">
          {view === 'incidents'
            ? t('opsIncidents.counts', { incidents: incidents.length, alerts: alerts.length, unacked })
            : t('console.counts', { open: alerts.length, unacked })}
        </span>
        <button type="button" aria-pressed={muted} onClick={() => setMuted(!muted)}>
          {muted ? t('console.muted') : t('console.sound')}
        </button>
        <button
          type="button"
          aria-pressed={panel === 'silences'}
          onClick={() => setPanel(panel === 'silences' ? 'detail' : 'silences')}
        >
          {t('console.silences')}
        </button>
        <button
          type="button"
          aria-pressed={panel === 'warnings'}
          className={toApprove ? 'attention' : undefined}
          onClick={() => setPanel(panel === 'warnings' ? 'detail' : 'warnings')}
        >
          {toApprove ? t('console.warningsPending', { count: toApprove }) : t('console.warnings')}
        </button>
      </header>
      <CriticalBanner alerts={flashing} onOpen={open} onDismiss={cue.dismiss} />
      <div className="console-body">
        {view === 'incidents' ? (
          <section className="console-queue" aria-label={t('opsIncidents.queueLabel')}>
            <p id="queue-keys" className="keys-hint">
              {t('opsIncidents.keys')}
            </p>
            <IncidentQueue
              incidents={incidents}
              dataNow={Math.floor(dataNow / 60_000) * 60_000}
              activeId={activeIncidentId ?? incidents[0]?.id ?? null}
              openId={openIncidentId}
              onActivate={setActiveIncidentId}
              onOpen={openIncident}
              onAcknowledge={acknowledgeIncident}
              listRef={listRef}
            />
          </section>
        ) : (
          <section className="console-queue" aria-label={t('console.queueLabel')}>
            <QueueFilters filter={filter} onChange={setFilter} searchRef={searchRef} />
            <p id="queue-keys" className="keys-hint">
              {t('console.keys')}
            </p>
            <p className="visually-hidden" role="status">
              {t('console.shown', { count: queue.length, total: alerts.length })}
            </p>
            <AlertQueue
              alerts={queue}
              labelOf={labelOf}
              // Ages read in whole minutes: the rows need redrawing once a minute, not on every clock tick.
              dataNow={Math.floor(dataNow / 60_000) * 60_000}
              activeId={active}
              openId={openId}
              onActivate={setActiveId}
              onOpen={open}
              onAcknowledge={acknowledge}
              listRef={listRef}
            />
          </section>
        )}
        <div className="console-side">
          {failure && (
            <div className="action-error" role="alert">
              <strong>
                {t(`console.failed.${failure.action}`, { name: nameOfId(alerts, failure.alertId, nameOf) })}
              </strong>
              <span>{failure.message}</span>
              <button type="button" onClick={dismissFailure}>
                {t('console.dismiss')}
              </button>
            </div>
          )}
          {incidentFailure && view === 'incidents' && (
            <div className="action-error" role="alert">
              <strong>{incidentFailure}</strong>
              <button type="button" onClick={() => setIncidentFailure(null)}>
                {t('console.dismiss')}
              </button>
            </div>
          )}
          {panel === 'warnings' ? (
            <WarningsPanel
              api={api}
              refreshKey={`${warningsKey}:${toApprove}`}
              onDecided={pendingWarnings.reload}
            />
          ) : panel === 'silences' ? (
            <SilencesPanel
              key={opened?.id ?? ''}
              api={api}
              socket={props.socket}
              index={index}
              preset={opened?.subject ?? null}
            />
          ) : view === 'incidents' && openedIncident ? (
            <IncidentDetail
              key={openedIncident.id}
              incident={openedIncident}
              alerts={alerts}
              api={api}
              dataNow={dataNow}
              officers={officers.data?.users.map((u) => u.name) ?? null}
              canReplay={props.canReplay ?? false}
              onAct={(action) => actOnIncident(openedIncident.id, action)}
              onOpenAlert={showAlert}
              headingRef={headingRef}
            />
          ) : view === 'alerts' && opened ? (
            <AlertDetail
              key={opened.id}
              alert={opened}
              label={labelOf(opened)}
              index={index}
              api={api}
              dataNow={dataNow}
              officers={officers.data?.users.map((u) => u.name) ?? null}
              onAct={(action: AlertAction) => {
                // A resolved alert leaves the queue at once (optimistically), and its detail with it:
                // keep the keyboard in the queue rather than lost on the page.
                if (action.type === 'resolve') listRef.current?.focus()
                return act(opened.id, action)
              }}
              onSilence={() => setPanel('silences')}
              headingRef={headingRef}
            />
          ) : (
            <p className="console-pick muted">
              {view === 'incidents' ? t('opsIncidents.pick') : t('console.pick')}
            </p>
          )}
        </div>
      </div>
    </div>
  )
}

function nameOfId(alerts: readonly Alert[], id: string, nameOf: (a: Alert) => string): string {
  const a = alerts.find((x) => x.id === id)
  return a ? nameOf(a) : id
}
