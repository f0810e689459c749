import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CourseOverview, CourseSummary } from '../../core/api'
import { useApi } from '../api'

export const useCoursesStore = defineStore('courses', () => {
  const api = useApi()
  const courses = ref<CourseSummary[]>([])
  /** The learner's progress per course id (a Map: "constructor" is a valid course id); empty when it could not be read. */
  const overview = ref(new Map<string, CourseOverview>())
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const error = ref('')
  /** The list was read at the app's start for the library, which has not been shown yet. */
  let unseen = false

  async function load(): Promise<void> {
    state.value = 'loading'
    try {
      const [list] = await Promise.all([api['course.list']({}), loadOverview()])
      courses.value = list
      state.value = 'ready'
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
      state.value = 'failed'
    }
  }

  /** Progress changes as the learner studies; the library asks again each time it is shown. */
  async function loadOverview(): Promise<void> {
    try {
      const list = await api['progress.overview']({})
      overview.value = new Map(list.map((entry) => [entry.courseId, entry]))
    } catch {
      // The library still lists the courses; it just cannot show progress this time.
      overview.value = new Map()
    }
  }

  /** At the app's start, when it opens on the library: read beside the settings, not after them. */
  function prefetch(): void {
    unseen = true
    void load()
  }

  /** The library is shown: the list is read once, and progress again each time after the first. */
  function show(): void {
    if (state.value === 'idle') void load()
    else if (state.value === 'loading') return
    else if (unseen) unseen = false
    else void loadOverview()
  }

  return { courses, overview, state, error, load, loadOverview, prefetch, show }
})
