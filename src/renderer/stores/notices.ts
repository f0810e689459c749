import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { StoreNotice } from '../../core/api'
import { useApi } from '../api'

/** A notice from the learner store with a key that stays the same each time the status is read. */
export interface KeyedNotice {
  key: string
  notice: StoreNotice
}

/** How long a status read stays fresh enough for a move between screens. */
const REFRESH_MS = 30_000

/**
 * What the learner must be told about their saved data (`store.status`), less what they have
 * dismissed, plus one message of the app's own (such as "everything was deleted") to show once.
 */
export const useNoticesStore = defineStore('notices', () => {
  const api = useApi()
  const readOnly = ref(false)
  const notices = ref<StoreNotice[]>([])
  const dismissed = ref(new Set<string>())
  const message = ref('')
  let loadedAt = Number.NEGATIVE_INFINITY

  /** The notices still worth showing: saving that works again makes earlier failures moot. */
  const visible = computed<KeyedNotice[]>(() => {
    const shown: KeyedNotice[] = []
    notices.value.forEach((notice, index) => {
      if (notice.kind === 'write-recovered') {
        const failed = shown.findIndex((entry) => entry.notice.kind === 'write-failed')
        if (failed === -1) return
        shown.splice(failed, 1)
      }
      shown.push({ key: `${notice.kind}:${index}`, notice })
    })
    return shown.filter((entry) => !dismissed.value.has(entry.key))
  })

  let loading: Promise<void> | null = null

  /** Reads the status; calls made while a read is in flight share it. */
  function load(): Promise<void> {
    loadedAt = Date.now()
    loading ??= api['store.status']({})
      .then(
        (status) => {
          readOnly.value = status.readOnly
          notices.value = status.notices
        },
        () => {
          // The status is advice; a host that cannot give it leaves the learner's screens as they are.
        },
      )
      .finally(() => {
        loading = null
      })
    return loading
  }

  /** Reads the status again unless it was read in the last half minute: moving between screens need not ask the host each time. */
  function refresh(): Promise<void> {
    return Date.now() - loadedAt < REFRESH_MS ? Promise.resolve() : load()
  }

  function dismiss(key: string): void {
    dismissed.value = new Set([...dismissed.value, key])
  }

  /** After deleting everything: the old notices were about data that no longer exists. */
  function startAfresh(text: string): void {
    dismissed.value = new Set([...dismissed.value, ...notices.value.map((notice, index) => `${notice.kind}:${index}`)])
    message.value = text
  }

  return { readOnly, notices, visible, message, load, refresh, dismiss, startAfresh }
})
