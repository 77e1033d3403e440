import type { Alert } from '@ioc/domain'
import { type KeyboardEvent, type Ref, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AlertRow } from './alert-row'
import type { SubjectLabel } from './subject-label'

export interface AlertQueueProps {
  alerts: readonly Alert[]
  labelOf(alert: Alert): SubjectLabel | null
  dataNow: number
  /** The row the keyboard is on. */
  activeId: string | null
  /** The row whose detail is open. */
  openId: string | null
  onActivate(id: string): void
  onOpen(id: string): void
  onAcknowledge(id: string): void
  listRef?: Ref<HTMLDivElement>
}

export const optionId = (alertId: string) => `queue-${alertId}`

/**
 * The queue as one listbox with `aria-activedescendant`: a single tab stop, arrows or j/k move, Home/End
 * jump, Enter opens the detail, `a` acknowledges the row (the usual pattern of mail and ticket queues).
 */
export function AlertQueue(props: AlertQueueProps) {
  const { t } = useTranslation()
  const { alerts, activeId, openId, onActivate, onOpen, onAcknowledge } = props
  const index = alerts.findIndex((a) => a.id === activeId)

  useEffect(() => {
    if (!activeId) return
    // jsdom has no scrollIntoView; browsers do.
    document.getElementById(optionId(activeId))?.scrollIntoView?.({ block: 'nearest' })
  }, [activeId])

  function move(to: number) {
    const target = alerts[Math.max(0, Math.min(alerts.length - 1, to))]
    if (target) onActivate(target.id)
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const handled = (() => {
      switch (e.key) {
        case 'ArrowDown':
        case 'j':
          move(index + 1)
          return true
        case 'ArrowUp':
        case 'k':
          move(index < 0 ? 0 : index - 1)
          return true
        case 'Home':
          move(0)
          return true
        case 'End':
          move(alerts.length - 1)
          return true
        case 'Enter':
          if (activeId) onOpen(activeId)
          return true
        case 'a':
          if (activeId) onAcknowledge(activeId)
          return true
        default:
          return false
      }
    })()
    if (handled) e.preventDefault()
  }

  if (alerts.length === 0) return <p className="queue-empty">{t('console.queueEmpty')}</p>
  return (
    <div
      ref={props.listRef}
      className="queue"
      role="listbox"
      tabIndex={0}
      aria-label={t('console.queueLabel')}
      aria-describedby="queue-keys"
      aria-activedescendant={activeId ? optionId(activeId) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (index < 0) move(0)
      }}
    >
      {alerts.map((a) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for its options.
        // biome-ignore lint/a11y/useFocusableInteractive: the listbox keeps focus and points at the option with aria-activedescendant (WAI-ARIA APG listbox).
        <div
          key={a.id}
          id={optionId(a.id)}
          role="option"
          aria-selected={a.id === activeId}
          className={[
            'queue-row',
            `queue-${a.severity}`,
            a.ack ? 'queue-acked' : 'queue-unacked',
            a.id === openId ? 'queue-open' : '',
          ].join(' ')}
          onClick={() => {
            onActivate(a.id)
            onOpen(a.id)
          }}
        >
          <AlertRow alert={a} label={props.labelOf(a)} dataNow={props.dataNow} />
        </div>
      ))}
    </div>
  )
}
