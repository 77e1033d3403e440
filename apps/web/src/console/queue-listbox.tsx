import { type ReactNode, type Ref, useEffect } from 'react'
import { type ListboxHandlers, listboxKeyHandler } from './listbox-keys'

/** What the alert and incident queues share: which row the keyboard is on and which one is open. */
export interface QueueSelection extends ListboxHandlers {
  /** The row the keyboard is on. */
  activeId: string | null
  /** The row whose detail is open. */
  openId: string | null
  listRef?: Ref<HTMLDivElement>
}

export interface QueueListboxProps<T extends { id: string }> extends QueueSelection {
  items: readonly T[]
  label: string
  empty: string
  /** The id of a row's element, for `aria-activedescendant`. */
  optionId(id: string): string
  /** Classes of a row beyond `queue-row`, `queue-open`. */
  rowClass(item: T): string
  renderRow(item: T): ReactNode
}

/**
 * A queue as one listbox with `aria-activedescendant`: a single tab stop, arrows or j/k move, Home/End
 * jump, Enter opens the detail, `a` acknowledges the row (the usual pattern of mail and ticket queues).
 */
export function QueueListbox<T extends { id: string }>(props: QueueListboxProps<T>) {
  const { items, activeId, openId, onActivate, onOpen, optionId } = props

  useEffect(() => {
    if (!activeId) return
    // jsdom has no scrollIntoView; browsers do.
    document.getElementById(optionId(activeId))?.scrollIntoView?.({ block: 'nearest' })
  }, [activeId, optionId])

  const ids = items.map((i) => i.id)
  const onKeyDown = listboxKeyHandler(ids, activeId, props)

  if (items.length === 0) return <p className="queue-empty">{props.empty}</p>
  return (
    <div
      ref={props.listRef}
      className="queue"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-describedby="queue-keys"
      aria-activedescendant={activeId ? optionId(activeId) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (ids[0] && (activeId === null || !ids.includes(activeId))) onActivate(ids[0])
      }}
    >
      {items.map((item) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for its options.
        // biome-ignore lint/a11y/useFocusableInteractive: the listbox keeps focus and points at the option with aria-activedescendant (WAI-ARIA APG listbox).
        <div
          key={item.id}
          id={optionId(item.id)}
          role="option"
          aria-selected={item.id === activeId}
          className={['queue-row', props.rowClass(item), item.id === openId ? 'queue-open' : ''].join(' ')}
          onClick={() => {
            onActivate(item.id)
            onOpen(item.id)
          }}
        >
          {props.renderRow(item)}
        </div>
      ))}
    </div>
  )
}
