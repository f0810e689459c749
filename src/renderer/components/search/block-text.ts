import type { Block } from '../../../core/course/blocks'
import { markdownText } from '../../composables/markdown-engine'

/**
 * The text a learner can read in a block, for search. Quizzes give only their title and
 * introduction, scenarios their situations and choices but not the consequences, and practice feeds their posts but not the feedback, so
 * searching never gives answers away; speaker notes give nothing, as learners never see them. The
 * switch covers every block type: a new
 * one is a compile error here until it says what its text is.
 */
export function blockText(block: Block): string[] {
  switch (block.type) {
    case 'text':
      return [markdownText(block.markdown)]
    case 'callout':
    case 'key-points':
      return [block.title ?? '', markdownText(block.markdown)]
    case 'image':
      return [block.alt, block.caption ? markdownText(block.caption) : '', block.credit ?? '']
    case 'video':
      return [block.title ?? '', markdownText(block.transcript)]
    case 'accordion':
      return [block.title ?? '', ...block.panels.flatMap((panel) => [panel.title, markdownText(panel.markdown)])]
    case 'flashcards':
      return [block.title ?? '', ...block.cards.flatMap((card) => [card.front, markdownText(card.back)])]
    case 'hotspots':
      return [block.title ?? '', block.alt, ...block.spots.flatMap((spot) => [spot.title, markdownText(spot.markdown)])]
    case 'process':
      return [block.title ?? '', ...block.steps.flatMap((step) => [step.title, markdownText(step.markdown)])]
    case 'tabs':
      return [block.title ?? '', ...block.tabs.flatMap((tab) => [tab.title, markdownText(tab.markdown)])]
    case 'scenario':
      return [block.title, ...block.steps.flatMap((step) => [markdownText(step.text), ...step.choices.map((choice) => choice.text)])]
    case 'feed':
      return [block.title, block.intro ? markdownText(block.intro) : '', ...block.posts.flatMap((post) => [post.author, markdownText(post.text)])]
    case 'reflection':
      return [block.title ?? '', markdownText(block.prompt)]
    case 'links':
      return [block.title ?? '', ...block.items.flatMap((item) => [item.title, item.description ?? ''])]
    case 'quiz':
      return [block.title ?? '', block.intro ? markdownText(block.intro) : '']
    case 'notes':
      return []
    case 'councillor-notes':
      return block.notes.flatMap((note) => [note.from, markdownText(note.markdown)])
  }
}
