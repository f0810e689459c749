import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CourseSummary } from '../../core/api'
import { useApi } from '../api'

export const useCoursesStore = defineStore('courses', () => {
  const api = useApi()
  const courses = ref<CourseSummary[]>([])
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const error = ref('')

  async function load(): Promise<void> {
    state.value = 'loading'
    try {
      courses.value = await api['course.list']({})
      state.value = 'ready'
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
      state.value = 'failed'
    }
  }

  return { courses, state, error, load }
})
