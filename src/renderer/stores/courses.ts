import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CourseOverview, CourseSummary } from '../../core/api'
import { useApi } from '../api'

export const useCoursesStore = defineStore('courses', () => {
  const api = useApi()
  const courses = ref<CourseSummary[]>([])
  /** The learner's progress per course id; empty when it could not be read. */
  const overview = ref<Record<string, CourseOverview>>({})
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const error = ref('')

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
      overview.value = Object.fromEntries(list.map((entry) => [entry.courseId, entry]))
    } catch {
      // The library still lists the courses; it just cannot show progress this time.
      overview.value = {}
    }
  }

  return { courses, overview, state, error, load, loadOverview }
})
