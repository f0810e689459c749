import { describe, expect, it } from 'vitest'
import { contentOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { LocalizedCourse } from './bundle'
import type { Question } from '../questions/registry'
import { shareAcceptedAnswers } from './shared-answers'

const fillIn = (accepted: string[]): Question => ({
  type: 'fill-in',
  id: 'q-act',
  prompt: 'Which Act?',
  explanation: 'x',
  weight: 1,
  accepted,
  caseSensitive: false,
  feedback: { correct: 'y', incorrect: 'n' },
})
const trueFalse: Question = { type: 'true-false', id: 'q-tf', prompt: 'p', explanation: 'x', weight: 1, answer: true, feedback: { correct: 'y', incorrect: 'n' } }

const course = (accepted: string[]): LocalizedCourse =>
  contentOf([moduleOf('m', [pageOf('p', [{ type: 'quiz', id: 'q', bank: 'b', draw: 2, passMark: 80, shuffle: false, questions: [fillIn(accepted), trueFalse] }])], { minutes: 1 })], { title: 't', summary: 's' })

describe('shareAcceptedAnswers', () => {
  it('lets every language accept the answers of all languages, course language first, without duplicates', () => {
    const shared = shareAcceptedAnswers({ en: course(['Localism', 'Localism Act']), cy: course(['Lleoliaeth', 'Localism']) })
    for (const language of ['en', 'cy']) {
      const quiz = shared[language]?.modules[0]?.pages[0]?.blocks[0]
      if (quiz?.type !== 'quiz') throw new Error('fixture')
      expect(quiz.questions[0]).toMatchObject({ accepted: ['Localism', 'Localism Act', 'Lleoliaeth'] })
      expect(quiz.questions[1]).toEqual(trueFalse)
    }
  })

  it('does not change the content it is given', () => {
    const en = course(['Localism'])
    const before = structuredClone(en)
    shareAcceptedAnswers({ en, cy: course(['Lleoliaeth']) })
    expect(en).toEqual(before)
  })
})
