import { storeToRefs } from 'pinia'
import { computed, watch } from 'vue'
import { useRoute } from 'vue-router'
import { coursePath as pathOfCourse, locatePage } from '../components/player/player-navigation'
import { languageTag } from '../i18n'
import { useCourseStore } from '../stores/course'

/**
 * What a course screen can show: 'failed' when the course could not be opened, 'loading' until the
 * store holds the course the route names, 'missing' when the page or module the route names is not
 * in it, else 'ready'.
 */
export type CourseView = 'loading' | 'failed' | 'missing' | 'ready'

/**
 * The guard of every course screen: opens the course the route names (`:courseId`) in the course
 * store and finds the page (`:pageId`) or module (`:moduleId`) the route names in it. Nothing of a
 * course is offered before the store holds that very course, so a screen never shows the course
 * it came from, nor calls its page missing, while the next one opens.
 */
export function useRouteCourse() {
  const route = useRoute()
  const store = useCourseStore()
  const { bundle, content, contentLanguage, progress, state, error } = storeToRefs(store)

  const courseId = computed(() => String(route.params.courseId))
  const coursePath = computed(() => pathOfCourse(courseId.value))
  /** The tag for `lang` on course text, which may be in another language than the screen's. */
  const contentTag = computed(() => languageTag(contentLanguage.value))
  const loaded = computed(() => (state.value === 'ready' && bundle.value?.id === courseId.value ? content.value : null))

  const pageId = computed(() => (typeof route.params.pageId === 'string' ? route.params.pageId : null))
  const moduleId = computed(() => (typeof route.params.moduleId === 'string' ? route.params.moduleId : null))
  /** The page the route names, with its place in the course. */
  const page = computed(() => (pageId.value === null ? null : locatePage(loaded.value, pageId.value)))
  /** The module the route names. */
  const module = computed(() => (moduleId.value === null ? null : (loaded.value?.modules.find((candidate) => candidate.id === moduleId.value) ?? null)))

  const view = computed<CourseView>(() => {
    if (state.value === 'failed') return 'failed'
    if (!loaded.value) return 'loading'
    if ((pageId.value !== null && !page.value) || (moduleId.value !== null && !module.value)) return 'missing'
    return 'ready'
  })

  watch(courseId, (id) => void store.open(id), { immediate: true })

  return { store, courseId, coursePath, bundle, content: loaded, contentLanguage, contentTag, progress, error, page, module, view }
}
