import { defineAsyncComponent, type Component } from 'vue'
import type { Block } from '../../../core/course/blocks'

export type BlockType = Block['type']

type Loader = () => Promise<{ default: Component }>

/**
 * How to load the component of each block type. The mapped type makes a block type without a
 * component a compile error. Each component is its own chunk, loaded the first time a page uses it.
 */
const BLOCK_LOADERS: { readonly [T in BlockType]: Loader } = {
  text: () => import('./BlockText.vue'),
  callout: () => import('./BlockCallout.vue'),
  image: () => import('./BlockImage.vue'),
  video: () => import('./BlockVideo.vue'),
  accordion: () => import('./BlockAccordion.vue'),
  tabs: () => import('./BlockTabs.vue'),
  flashcards: () => import('./BlockFlashcards.vue'),
  feed: () => import('./BlockFeed.vue'),
  hotspots: () => import('./BlockHotspots.vue'),
  process: () => import('./BlockProcess.vue'),
  scenario: () => import('./BlockScenario.vue'),
  reflection: () => import('./BlockReflection.vue'),
  'key-points': () => import('./BlockKeyPoints.vue'),
  links: () => import('./BlockLinks.vue'),
  quiz: () => import('../quiz/QuizBlock.vue'),
  notes: () => import('./BlockNotes.vue'),
  'councillor-notes': () => import('./BlockCouncillorNotes.vue'),
}

/** The component for each block type; each receives `{ block, courseId }`. */
export const BLOCK_COMPONENTS = Object.fromEntries(
  Object.entries(BLOCK_LOADERS).map(([type, load]) => [type, defineAsyncComponent(load)]),
) as { readonly [T in BlockType]: Component }

/**
 * Loads the components a page needs before it is shown, so the page appears whole (and a resumed
 * scroll position lands where it was) instead of block by block.
 */
export async function loadBlockComponents(types: Iterable<BlockType>): Promise<void> {
  await Promise.all([...new Set(types)].map((type) => BLOCK_LOADERS[type]()))
}
