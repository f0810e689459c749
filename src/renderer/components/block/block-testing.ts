import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import { bilingualBundleOf, moduleOf, pageOf } from '../../../../test/support/course-bundle'
import type { Language, Nation } from '../../../core/api'
import { DEFAULT_SETTINGS } from '../../../core/app-defaults'
import type { Block } from '../../../core/course/blocks'
import type { CourseBundle } from '../../../core/course/bundle'
import { emptyProgress, type CourseProgress, type TrackingEvent } from '../../../core/progress/schema'
import { API_KEY } from '../../api'
import { fakeApi, fakeProgressHost } from '../../api/fake-api'
import { createAppI18n } from '../../i18n'
import { useCourseStore } from '../../stores/course'
import { useSettingsStore } from '../../stores/settings'
import { provideBlockHost, type BlockHost } from './block-context'

/** A one-page course holding the given blocks, in English and Welsh. */
export function courseWith(blocks: Block[], welshBlocks: Block[] = blocks): CourseBundle {
  const module = (title: string, pageBlocks: Block[]) => moduleOf('m', [pageOf('p', pageBlocks, 'Page')], { title })
  return bilingualBundleOf([module('Module', blocks)], [module('Modiwl', welshBlocks)])
}

export interface MountOptions {
  language?: Language
  nation?: Nation | null
  /** Whether videos start with captions showing (Settings). */
  captions?: boolean
  progress?: Partial<CourseProgress>
  host?: Partial<BlockHost>
}

/**
 * Mounts one block component as the player would: with the course open in the course store,
 * the learner's settings, and an API that keeps every tracking event sent, for assertions.
 */
export async function mountBlock(component: Component, block: Block, options: MountOptions = {}) {
  const course = courseWith([block])
  const start: CourseProgress = { ...emptyProgress('demo', '1.0.0'), ...options.progress }
  const progressHost = fakeProgressHost(course, start)
  const api = fakeApi({ 'progress.record': progressHost.record })
  const pinia = createPinia()
  setActivePinia(pinia)
  const host: BlockHost = { handout: false, headingOffset: 0, onLeave: () => () => undefined, ...options.host }
  const Host = defineComponent({
    setup() {
      const settings = useSettingsStore()
      settings.settings = { ...DEFAULT_SETTINGS, language: options.language ?? 'en', nation: options.nation ?? null, captions: options.captions ?? true }
      const store = useCourseStore()
      store.bundle = course
      store.progress = start
      provideBlockHost(host)
      return () => h(component, { block, courseId: 'demo' })
    },
  })
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [pinia, createAppI18n(options.language ?? 'en')], provide: { [API_KEY as symbol]: api } },
  })
  await flushPromises()
  const store = useCourseStore()
  const settings = useSettingsStore()
  /** Every event recorded so far, once the store has sent them. */
  async function recorded(): Promise<TrackingEvent[]> {
    await store.flush()
    return progressHost.sent
  }
  return { wrapper, store, settings, recorded }
}
