import type { Block } from '../../core/course/blocks'
import { learnerBlocks } from '../../core/course/blocks/learner-blocks'
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { PublicActivity, PublicQuestion } from '../../core/workshop/session'

/** What the projector shows of a live session instead of the page: the question put to the room, a question from the room, or how to join. */
export interface AudienceRoom {
  activity: PublicActivity | null
  question: PublicQuestion | null
  join: { address: string; code: string; qr: { size: number; cells: string } } | null
}

/** What the audience screen shows: a page of the module (the presenter's, or the one it was frozen on), or black. */
export interface PresentationState {
  moduleId: string
  pageId: string
  /** The audience screen is black. */
  blackout: boolean
  /** The audience screen stays on `pageId` while the presenter moves on. */
  frozen: boolean
  /** The live session's part of the screen, when one runs. */
  room: AudienceRoom | null
}

type Message = { kind: 'hello' } | { kind: 'state'; state: PresentationState }

/** The presenter and audience windows of one course talk on a channel of their own (same origin only). */
function channelName(courseId: string): string {
  return `civic-learn-presentation:${courseId}`
}

function isState(value: unknown): value is PresentationState {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Record<string, unknown>
  return typeof state.moduleId === 'string' && typeof state.pageId === 'string' && typeof state.blackout === 'boolean' && typeof state.frozen === 'boolean' && (state.room === null || (typeof state.room === 'object' && state.room !== undefined))
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Record<string, unknown>
  return message.kind === 'hello' || (message.kind === 'state' && isState(message.state))
}

/**
 * The presenter's side: every change of `state` goes to the audience window, and an audience
 * window that opens (or reloads) is told where the presentation is.
 */
export function usePresenterChannel(courseId: string, state: Ref<PresentationState | null>): void {
  const channel = new BroadcastChannel(channelName(courseId))
  const send = () => {
    // A plain copy: the state may hold reactive objects, which a channel cannot clone.
    if (state.value) channel.postMessage({ kind: 'state', state: JSON.parse(JSON.stringify(state.value)) as PresentationState } satisfies Message)
  }
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isMessage(event.data) && event.data.kind === 'hello') send()
  }
  watch(state, send, { deep: true, immediate: true })
  onBeforeUnmount(() => channel.close())
}

/** The audience's side: what the presenter last said, asked for as the window opens. */
export function useAudienceChannel(courseId: string): Ref<PresentationState | null> {
  const state = ref<PresentationState | null>(null)
  const channel = new BroadcastChannel(channelName(courseId))
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isMessage(event.data) && event.data.kind === 'state') state.value = event.data.state
  }
  channel.postMessage({ kind: 'hello' } satisfies Message)
  onBeforeUnmount(() => channel.close())
  return state
}

/**
 * What a presented page shows of its blocks: what learners see, laid out as in a handout, but its
 * quizzes, which each learner takes in the course rather than on the projector.
 */
export function presentedBlocks(blocks: readonly Block[]): Block[] {
  return learnerBlocks(blocks).filter((block) => block.type !== 'quiz')
}
