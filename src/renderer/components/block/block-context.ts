import { inject, provide, type InjectionKey } from 'vue'

/** What a block may ask of the screen that shows it. */
export interface BlockHost {
  /**
   * True in a printable handout, where everything a learner would open (panels, tabs, every
   * scenario step, the transcript) is laid out at once and nothing is tracked.
   */
  handout: boolean
  /** A trainer presents the page: laid out as a handout, nothing recorded, but videos still play. */
  presenting?: boolean
  /** How many levels deeper than in the player headings go: a handout puts page titles at h2. */
  headingOffset: number
  /**
   * Runs the callback when the learner leaves or hides the page, before progress is sent, so
   * what a block was in the middle of (a video playing) is recorded first. Returns a function
   * that removes it.
   */
  onLeave(callback: () => void): () => void
}

const BLOCK_HOST: InjectionKey<BlockHost> = Symbol('BlockHost')

const standalone: BlockHost = { handout: false, headingOffset: 0, onLeave: () => () => undefined }

export function provideBlockHost(host: BlockHost): void {
  provide(BLOCK_HOST, host)
}

export function useBlockHost(): BlockHost {
  return inject(BLOCK_HOST, standalone)
}

/** The heading element for a level as the player would use it, shifted for the host. */
export function headingTag(host: BlockHost, level: number): string {
  return `h${Math.min(6, level + host.headingOffset)}`
}
