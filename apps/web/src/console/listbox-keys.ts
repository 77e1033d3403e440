import type { KeyboardEvent } from 'react'

export interface ListboxHandlers {
  onActivate(id: string): void
  onOpen(id: string): void
  onAcknowledge(id: string): void
}

/**
 * The keys of a queue listbox with `aria-activedescendant`: arrows or j/k move, Home/End jump, Enter
 * opens, `a` acknowledges (the usual pattern of mail and ticket queues). Shared by the alert and
 * incident queues.
 */
export function listboxKeyHandler(
  ids: readonly string[],
  activeId: string | null,
  h: ListboxHandlers,
): (e: KeyboardEvent<HTMLDivElement>) => void {
  const index = activeId === null ? -1 : ids.indexOf(activeId)
  const move = (to: number) => {
    const target = ids[Math.max(0, Math.min(ids.length - 1, to))]
    if (target) h.onActivate(target)
  }
  return (e) => {
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
          move(ids.length - 1)
          return true
        case 'Enter':
          if (activeId) h.onOpen(activeId)
          return true
        case 'a':
          if (activeId) h.onAcknowledge(activeId)
          return true
        default:
          return false
      }
    })()
    if (handled) e.preventDefault()
  }
}
