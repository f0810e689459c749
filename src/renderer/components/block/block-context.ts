import { inject, provide, type InjectionKey } from 'vue'

/** What a block may ask of the screen that shows it. */
export interface BlockHost {
  /**
   * True in a printable handout, where everything a learner would open (panels, tabs, every
   * scenario step, the transcript) is laid out at once and nothing is tracked.
   */
  handout: boolean
  /**
   * Runs the callback when the learner leaves or hides the page, before progress is sent, so
   * what a block was in the middle of (a video playing) is recorded first. Returns a function
   * that removes it.
   */
  onLeave(callback: () => void): () => void
}

const BLOCK_HOST: InjectionKey<BlockHost> = Symbol('BlockHost')

const standalone: BlockHost = { handout: false, onLeave: () => () => undefined }

export function provideBlockHost(host: BlockHost): void {
  provide(BLOCK_HOST, host)
}

export function useBlockHost(): BlockHost {
  return inject(BLOCK_HOST, standalone)
}
