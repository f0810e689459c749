import { onBeforeUnmount, onMounted } from 'vue'

export type ShortcutAction = 'previous' | 'next'

/**
 * The player's keyboard shortcuts. They need Alt, so they never clash with the single-key
 * commands of screen readers' browse modes, and they leave text fields alone.
 */
export const PLAYER_SHORTCUTS: readonly { action: ShortcutAction; keys: string; key: string }[] = [
  { action: 'previous', keys: 'Alt+ArrowLeft', key: 'ArrowLeft' },
  { action: 'next', keys: 'Alt+ArrowRight', key: 'ArrowRight' },
]

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
}

export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented || isEditable(event.target)) return null
  return PLAYER_SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.action ?? null
}

export function usePlayerShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  const onKeydown = (event: KeyboardEvent) => {
    const action = shortcutFor(event)
    if (action === null) return
    // Alt+arrows would otherwise go back and forward in the browser's history.
    event.preventDefault()
    handlers[action]()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
