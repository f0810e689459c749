import { onBeforeUnmount, onMounted } from 'vue'
import { useCourseStore } from '../stores/course'

/**
 * While progress the host has not accepted is waiting (a save failed, or is on its way), closing
 * or reloading the page asks first: the browser shows its "leave this page?" question, and the
 * desktop app its own (see the main process's will-prevent-unload).
 */
export function useUnsavedGuard(): void {
  const course = useCourseStore()
  const guard = (event: BeforeUnloadEvent) => {
    if (!course.hasUnsent()) return
    event.preventDefault()
    // Older browsers ask only when returnValue is set.
    event.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', guard))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', guard))
}
