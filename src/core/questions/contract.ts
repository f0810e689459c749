import type { BitReader, BitWriter } from '../scorm/bits'
import type { ScormVersion } from '../scorm/manifest'

/** A score between 0 and 1, and whether the answer is wholly right. */
export interface QuestionScore {
  score: number
  correct: boolean
}

/** The fields every question in a bundle has, whatever its type. */
export interface QuestionBase {
  readonly type: string
  readonly id: string
  readonly prompt: string
  readonly explanation: string
  readonly weight: number
}

/** SCORM's interaction types that Civic Learn's questions map onto (the same words in 1.2 and 2004). */
export type InteractionType = 'choice' | 'true-false' | 'fill-in' | 'matching' | 'sequencing' | 'numeric'

/**
 * Everything the engine needs to know about one question type, apart from how authors write it
 * (its schema and build, in the type's `schema.ts`) and how it looks (its component in the
 * renderer). Each type answers for itself; the quiz, the progress reducer, the suspend-data codec
 * and the SCORM data model call it without knowing the type. No zod here: the SCORM player uses it.
 *
 * `Q` is the question as it is in the bundle, `R` what a learner answered: plain JSON, small.
 */
export interface QuestionType<Q extends QuestionBase, R> {
  readonly type: Q['type']

  /**
   * The answer schema: `value` (from stored data, the API or the LMS, so of any shape) as this
   * type's response, or undefined when it is not one. Shape only: whether the ids in it belong to
   * the question is for `score` and the codec to judge.
   */
  parseResponse(value: unknown): R | undefined
  score(question: Q, response: R): QuestionScore
  /** An answer marked wholly right (for previews, tests and benchmarks). */
  correctResponse(question: Q): R

  /**
   * The ids the question shows in an order an attempt may mix, and whether they are always mixed
   * (in authored order the answer would be given away) or only when the quiz shuffles.
   */
  mixable?(question: Q): { ids: string[]; always: boolean }

  /**
   * The question put to a room answering from phones: the options to choose from (true/false
   * in the words given), whether several may be chosen, and the right ones. Left out by types a
   * room cannot answer by choosing.
   */
  room?(question: Q, words: { true: string; false: string }): { options: { id: string; text: string }[]; multiple: boolean; correct: string[] }

  readonly scorm: {
    readonly interactionType: InteractionType
    /** The learner's answer in the version's format, or undefined when there is nothing valid to write. */
    learnerResponse(version: ScormVersion, question: Q, response: R): string | undefined
    /** The correct response patterns, in the version's format. */
    correctPatterns(version: ScormVersion, question: Q): string[]
  }

  /** How an answer is packed in SCORM suspend data, in as few bits as the question allows. */
  readonly codec: {
    /**
     * Part of the course's fingerprint: what the codec relies on (option ids, counts), so data
     * written for another version of the question is not misread.
     */
    shape(question: Q): string
    /**
     * Writes a flag for whether there is an answer, then the answer (already through
     * `parseResponse`); `keepText` is false when free text must be left out to fit.
     */
    write(writer: BitWriter, question: Q, response: R | undefined, keepText: boolean): void
    /** Reads what `write` wrote; throws on data no `write` could produce. */
    read(reader: BitReader, question: Q): R | undefined
    /** The answer that takes the most room, for the worst-case size of a course's data. */
    longest(question: Q): R
    /** How many bytes of free text the codec may leave out of this answer to fit, when there are any. */
    optionalTextBytes?(question: Q, response: R): number
  }
}
