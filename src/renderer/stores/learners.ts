import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Profile } from '../../core/api'
import { FIRST_LEARNER_NAME } from '../../core/app-defaults'
import { useApi } from '../api'
import { useCourseStore } from './course'
import { useCoursesStore } from './courses'
import { useSettingsStore } from './settings'


/**
 * The learners on this device and which one is studying. Changing learner drops the open course's
 * progress from memory, so one learner never sees (or writes into) another's record.
 */
export const useLearnersStore = defineStore('learners', () => {
  const api = useApi()
  const profiles = ref<Profile[]>([])
  const activeId = ref<string | null>(null)
  const active = computed(() => profiles.value.find((profile) => profile.id === activeId.value) ?? null)
  /** The learner has not yet given a name, so a certificate would say "Learner". */
  const needsName = computed(() => active.value?.name === FIRST_LEARNER_NAME)
  /** The learner chose "Not now" when asked their name: not asked again until the app starts again. */
  const namePromptSkipped = ref(false)

  let loading: Promise<void> | null = null

  /** Reads the learners; calls made while a read is in flight share it. */
  function load(): Promise<void> {
    loading ??= api['profile.list']({})
      .then((list) => {
        profiles.value = list.profiles
        activeId.value = list.activeId
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  /** Sends what the open course still holds for the current learner, then forgets it. */
  async function leaveCourse(): Promise<void> {
    const course = useCourseStore()
    await course.flush()
    course.$patch({ state: 'idle', bundle: null, progress: null })
  }

  async function create(name: string): Promise<Profile> {
    const profile = await api['profile.create']({ name })
    await load()
    return profile
  }

  async function createMany(names: string[]): Promise<Profile[]> {
    const { created } = await api['profile.createMany']({ names })
    await load()
    return created
  }

  async function rename(id: string, name: string): Promise<void> {
    await api['profile.rename']({ id, name })
    await load()
  }

  async function remove(id: string): Promise<void> {
    const wasActive = id === activeId.value
    if (wasActive) await leaveCourse()
    await api['profile.delete']({ id })
    await load()
    // Another learner is now the active one, with their own language and nation.
    if (wasActive) await useSettingsStore().load()
    await useCoursesStore().loadOverview()
  }

  /** Makes another learner the active one: their progress, and their own language and nation. */
  async function switchTo(id: string, pin?: string): Promise<void> {
    await leaveCourse()
    await api['profile.switch'](pin === undefined ? { id } : { id, pin })
    await load()
    await useSettingsStore().load()
    await useCoursesStore().loadOverview()
  }

  async function setPin(id: string, pin: string | null): Promise<void> {
    await api['profile.setPin']({ id, pin })
    await load()
  }

  return { profiles, activeId, active, needsName, namePromptSkipped, load, leaveCourse, create, createMany, rename, remove, switchTo, setPin }
})
