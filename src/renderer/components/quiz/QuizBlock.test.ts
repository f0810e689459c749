import { type DOMWrapper, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CivicApi } from '../../../core/api'
import type { QuizBlock as Quiz } from '../../../core/course/blocks/quiz'
import type { CourseBundle } from '../../../core/course/bundle'
import type { CourseProgress } from '../../../core/progress/schema'
import { emptyProgress } from '../../../core/progress/schema'
import { planAttempt } from '../../../core/quiz/attempt'
import { API_KEY } from '../../api'
import { fakeApi, fakeProgressHost } from '../../api/fake-api'
import { createAppI18n } from '../../i18n'
import { useCourseStore } from '../../stores/course'
import { quizBlock, quizCourse } from './quiz-testing'
import QuizBlock from './QuizBlock.vue'

let wrapper: VueWrapper | null = null

/** Mounts the quiz as the module player does: the course store holds the course and the learner's progress. */
async function mountQuiz(options: { quiz?: Quiz; progress?: (course: CourseBundle) => CourseProgress; locale?: 'en' | 'cy' } = {}) {
  const quiz = options.quiz ?? quizBlock()
  const course = quizCourse(quiz)
  const progress = options.progress?.(course) ?? emptyProgress(course.id, course.version)
  // Each mount keeps its own list: a store from an earlier test may still send its last batch.
  const { sent, record } = fakeProgressHost(course, progress)
  const api: CivicApi = fakeApi({ 'course.get': async () => course, 'progress.get': async () => progress, 'progress.record': record })
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n(options.locale)
  wrapper = mount(QuizBlock, {
    props: { block: quiz, courseId: course.id },
    global: { plugins: [pinia, i18n], provide: { [API_KEY as symbol]: api } },
    attachTo: document.body,
  })
  const store = wrapper.vm.$.appContext.app.runWithContext(() => useCourseStore())
  await store.open(course.id)
  await flushPromises()
  return { wrapper, store, quiz, sent }
}

/** The text a reader meets, with a space between separate pieces of text (happy-dom runs block elements together). */
function words(element: Element | undefined): string {
  if (!element) return ''
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const parts: string[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '')
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}
const text = (selector: string) => words(wrapper?.get(selector).element)
const focused = () => document.activeElement?.textContent?.trim()
const button = (name: string) => {
  const found = wrapper?.findAll('button').find((candidate) => candidate.text() === name)
  if (!found) throw new Error(`No button "${name}" in: ${wrapper?.text()}`)
  return found
}
const has = (name: string) => wrapper?.findAll('button').some((candidate) => candidate.text() === name) ?? false
const heading = () => wrapper?.get('.quiz-question__number').text()
const feedback = () => text('.quiz-feedback')

/** Answers whatever question is shown, right or wrong, the way a learner does it in the page. */
async function answerShown(right: boolean): Promise<void> {
  const form = wrapper?.get('.quiz-question') as DOMWrapper<Element>
  const prompt = form.get('.quiz-question__prompt').text()
  if (prompt === 'Which is a fruit?') await form.findAll('label').find((label) => label.text().includes(right ? 'Apple' : 'Carrot'))?.get('input').setValue(true)
  else if (prompt === 'Which are colours?') {
    for (const label of form.findAll('label')) {
      if (right ? label.text() !== 'Loud' : label.text() === 'Loud') await label.get('input').setValue(true)
    }
  } else if (prompt === 'The sky is green.') await form.findAll('input')[right ? 1 : 0]?.setValue(true)
  else if (prompt.startsWith('Match each')) {
    const [wales, scotland] = form.findAll('select')
    await wales?.setValue(right ? 'a' : 'c')
    await scotland?.setValue(right ? 'b' : 'a')
  } else if (prompt === 'Put these in order.') {
    // Bubble each item up to its place: First, then Second, then Third.
    for (const [place, name] of (right ? ['First', 'Second', 'Third'] : ['Third', 'Second', 'First']).entries()) {
      for (let step = 0; step < 3; step++) {
        const texts = form.findAll('.quiz-ordering__list > li .quiz-ordering__text').map((item) => item.text())
        if (texts.indexOf(name) <= place) break
        await form.get(`button[aria-label="Move “${name}” up"]`).trigger('click')
      }
    }
  } else if (prompt.startsWith('Which Act')) await form.get('input').setValue(right ? ' localism ' : 'Decency')
  else throw new Error(`Unknown question: ${prompt}`)
  await flushPromises()
}

/** Starts an attempt and answers every question, checking each where the quiz checks answers as they are given. */
async function takeQuiz(right: (index: number) => boolean): Promise<void> {
  await button(has('Start the quiz') ? 'Start the quiz' : 'Try again').trigger('click')
  await flushPromises()
  await answerFrom(0, right)
}

/** Answers the question shown and every one after it, checking each where it can be, then submits. */
async function answerFrom(first: number, right: (index: number) => boolean): Promise<void> {
  for (let index = first; index < 6; index++) {
    await answerShown(right(index))
    if (has('Check answer')) await button('Check answer').trigger('click')
    await button(index < 5 ? 'Next question' : 'Submit answers').trigger('click')
    await flushPromises()
  }
}

beforeEach(() => {
  vi.spyOn(Math, 'random').mockReturnValue(0.25)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.restoreAllMocks()
})

describe('QuizBlock', () => {
  it('introduces the quiz, and starting it records a seeded attempt and focuses "Question 1 of 6"', async () => {
    const { store, sent } = await mountQuiz()
    expect(wrapper?.get('h2').text()).toBe('Every question type')
    expect(text('.quiz-facts')).toBe(
      '6 questions Pass mark: 50% Attempts used: 0 of 3 You can check each answer as you go.',
    )
    await button('Start the quiz').trigger('click')
    await flushPromises()
    expect(store.progress?.quizzes['every-type-quiz']?.current?.seed).toBe(0x40000000)
    expect(heading()).toBe('Question 1 of 6')
    expect(focused()).toBe('Question 1 of 6')
    await store.flush()
    expect(sent).toEqual([{ type: 'quiz.started', at: expect.any(String), quizId: 'every-type-quiz', seed: 0x40000000 }])
  })

  it('shows the questions and their options in the order the attempt’s seed gives', async () => {
    const { quiz } = await mountQuiz()
    await button('Start the quiz').trigger('click')
    await flushPromises()
    const plan = planAttempt(quiz, 0x40000000)
    const shown: string[] = []
    for (let index = 0; index < 6; index++) {
      shown.push(wrapper?.get('.quiz-question__prompt').text() ?? '')
      if (plan.questionIds[index] === 'q-single') {
        expect(wrapper?.findAll('input[type="radio"]').map((input) => input.attributes('value'))).toEqual(plan.orders['q-single'])
      }
      await button(index < 5 ? 'Next question' : 'Submit answers').trigger('click')
      expect(focused()).toBe(`Question ${Math.min(index + 2, 6)} of 6`)
    }
    expect(shown).toEqual(plan.questionIds.map((id) => quiz.questions.find((question) => question.id === id)?.prompt))
  })

  it('records every answer change, and "Check answer" locks the answer and announces its feedback politely', async () => {
    const { store, sent } = await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await button('Start the quiz').trigger('click')
    await flushPromises()
    expect(wrapper?.get('.quiz-question__prompt').text()).toBe('Which is a fruit?')
    const status = wrapper?.get('[role="status"].quiz-feedback')
    expect(status?.text()).toBe('')
    await answerShown(false)
    expect(store.progress?.quizzes['every-type-quiz']?.current?.responses).toEqual({ 'q-single': 'b' })
    await button('Check answer').trigger('click')
    await flushPromises()
    expect(text('[role="status"].quiz-feedback')).toBe('Incorrect You chose “Carrot”: No, a vegetable.')
    // The outcome's icon is decoration: the words say it, and a screen reader skips the icon.
    expect(wrapper?.get('.quiz-feedback__outcome svg').attributes('aria-hidden')).toBe('true')
    expect(wrapper?.findAll('input').every((input) => input.attributes('disabled') !== undefined)).toBe(true)
    expect(has('Check answer')).toBe(false)
    expect(focused()).toBe('Next question')
    await store.flush()
    expect(sent.map((event) => event.type)).toEqual(['quiz.started', 'quiz.answered', 'quiz.checked'])
    // The lock is kept in the progress, so a reload cannot reopen a checked answer.
    expect(store.progress?.quizzes['every-type-quiz']?.current?.checked).toEqual(['q-single'])
  })

  it('gives partial credit its own outcome, and the outcome feedback the author wrote', async () => {
    await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await button('Start the quiz').trigger('click')
    await button('Next question').trigger('click')
    const red = wrapper?.findAll('label').find((label) => label.text() === 'Red')
    await red?.get('input').setValue(true)
    await button('Check answer').trigger('click')
    expect(feedback()).toBe('Partly correct Red and blue are colours.')
  })

  it('says so when "Check answer" is pressed before answering', async () => {
    await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await button('Start the quiz').trigger('click')
    await button('Check answer').trigger('click')
    expect(wrapper?.get('[role="alert"]').text()).toBe('Answer the question before you check it.')
    await answerShown(true)
    expect(wrapper?.find('[role="alert"]').exists()).toBe(false)
  })

  it('checks an untouched ordering question as the order it shows', async () => {
    const { store } = await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await button('Start the quiz').trigger('click')
    for (let index = 0; index < 4; index++) await button('Next question').trigger('click')
    expect(heading()).toBe('Question 5 of 6')
    await button('Check answer').trigger('click')
    expect(feedback()).toBe('Incorrect Not in order.')
    const seed = store.progress?.quizzes['every-type-quiz']?.current?.seed ?? -1
    expect(store.progress?.quizzes['every-type-quiz']?.current?.responses['q-ordering']).toEqual(planAttempt(quizBlock({ shuffle: false }), seed).orders['q-ordering'])
  })

  it('scores a passed attempt, focuses the result, and reviews every answer with its explanation and the right answers', async () => {
    await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await takeQuiz((index) => index !== 0)
    expect(focused()).toBe('Your result')
    const summary = text('.quiz-result__summary')
    expect(summary).toContain('You passed. The pass mark is 50%.')
    expect(summary).toContain('Questions answered fully correctly: 5 of 6.')
    expect(summary).toContain('You have 2 attempts left.')
    // The single-choice question weighs 2 of 7.
    expect(summary).toContain('You scored 71%.')

    const toggle = button('Review your answers')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper?.get('.quiz-review').isVisible()).toBe(true)
    const review = text('.quiz-review')
    for (const explanation of ['Apples grow on trees.', 'Loud is a sound.', 'The sky looks blue by day.', 'Cardiff and Edinburgh are the capitals.', 'First, second, third.', 'The Localism Act 2011.']) {
      expect(review).toContain(`Explanation ${explanation}`)
    }
    expect(review).toContain('Correct answer')
    expect(review).toContain('You chose “Carrot”: No, a vegetable.')
    expect(review).toContain('Answers accepted: Localism, localism act')
    expect(review).toContain('The correct order: First Second Third')
    expect(wrapper?.findAll('.quiz-review h4').map((h) => h.text())).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Question ${n} of 6`))
  })

  it('fails an attempt below the pass mark, and "Try again" starts a fresh attempt with a new seed', async () => {
    const { store } = await mountQuiz()
    await takeQuiz(() => false)
    expect(text('.quiz-result__summary')).toContain('You scored 0%.')
    expect(text('.quiz-result__summary')).toContain('You did not pass this time. The pass mark is 50%.')
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    await button('Try again').trigger('click')
    await flushPromises()
    expect(store.progress?.quizzes['every-type-quiz']?.current).toMatchObject({ seed: 0x80000000, responses: {} })
    expect(focused()).toBe('Question 1 of 6')
    expect(wrapper?.findAll('input:checked')).toHaveLength(0)
  })

  it('offers no retry once the attempts are used up, and shows the best score', async () => {
    await mountQuiz()
    await takeQuiz(() => false)
    await takeQuiz(() => true)
    await takeQuiz(() => false)
    const summary = text('.quiz-result__summary')
    expect(summary).toContain('You scored 0%.')
    expect(summary).toContain('Your best score so far: 100%.')
    expect(summary).toContain('You have no attempts left.')
    expect(has('Try again')).toBe(false)
    expect(has('Review your answers')).toBe(true)
  })

  it('keeps feedback for the end when the quiz says so: no "Check answer", feedback in the review', async () => {
    await mountQuiz({ quiz: quizBlock({ feedback: 'end', shuffle: false }) })
    expect(wrapper?.text()).toContain('You will see feedback on your answers when you submit them.')
    await button('Start the quiz').trigger('click')
    await answerShown(false)
    expect(has('Check answer')).toBe(false)
    expect(wrapper?.get('.quiz-feedback').text()).toBe('')
    await answerFrom(0, () => false)
    expect(focused()).toBe('Your result')
    await button('Review your answers').trigger('click')
    expect(text('.quiz-review')).toContain('Incorrect You chose “Carrot”: No, a vegetable.')
  })

  it('counts an answer once it is checked where each answer is checked, and once given where feedback waits for the end', async () => {
    await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await button('Start the quiz').trigger('click')
    await answerShown(true)
    expect(text('.quiz-attempt__progress')).toBe('Answered: 0 of 6')
    await button('Check answer').trigger('click')
    expect(text('.quiz-attempt__progress')).toBe('Answered: 1 of 6')
    wrapper?.unmount()

    await mountQuiz({ quiz: quizBlock({ shuffle: false, feedback: 'end' }) })
    await button('Start the quiz').trigger('click')
    await answerShown(true)
    expect(text('.quiz-attempt__progress')).toBe('Answered: 1 of 6')
  })

  it('makes "Try again" the main action after a fail and a secondary one after a pass', async () => {
    await mountQuiz()
    await takeQuiz(() => false)
    expect(button('Try again').classes()).not.toContain('button--secondary')
    await takeQuiz(() => true)
    expect(text('.quiz-result__summary')).toContain('You passed.')
    expect(button('Try again').classes()).toContain('button--secondary')
  })

  it('warns of unanswered questions where feedback waits for the end', async () => {
    await mountQuiz({ quiz: quizBlock({ shuffle: false, feedback: 'end' }) })
    await button('Start the quiz').trigger('click')
    await answerShown(true)
    for (let index = 0; index < 5; index++) await button('Next question').trigger('click')
    await button('Submit answers').trigger('click')
    expect(wrapper?.get('[role="alert"]').text()).toContain('You have not answered 5 questions. Unanswered questions count as wrong.')
    expect(has('Go to the first unanswered question')).toBe(true)
  })

  it('warns before submitting with unchecked questions and can take the learner to the first one', async () => {
    await mountQuiz({ quiz: quizBlock({ shuffle: false }) })
    await button('Start the quiz').trigger('click')
    await answerShown(true)
    await button('Check answer').trigger('click')
    for (let index = 0; index < 5; index++) await button('Next question').trigger('click')
    await button('Submit answers').trigger('click')
    expect(wrapper?.get('[role="alert"]').text()).toContain('You have not checked 5 questions. They are marked as you left them: one with no answer counts as wrong.')
    await button('Go to the first question you have not checked').trigger('click')
    expect(focused()).toBe('Question 2 of 6')
    for (let index = 1; index < 5; index++) await button('Next question').trigger('click')
    await button('Submit answers').trigger('click')
    await button('Submit anyway').trigger('click')
    expect(focused()).toBe('Your result')
  })

  it('resumes an unfinished attempt from stored progress, with its answers, at the first unanswered question', async () => {
    const quiz = quizBlock()
    const seed = 1234
    await mountQuiz({
      quiz,
      progress: (course) => ({
        ...emptyProgress(course.id, course.version),
        quizzes: {
          'every-type-quiz': {
            attempts: [],
            current: {
              seed,
              startedAt: '2026-11-21T10:00:00.000Z',
              responses: { 'q-single': 'b', 'q-fill-in': 'Localism', [planAttempt(quiz, seed).questionIds[0] ?? '']: 'x' },
              checked: ['q-single', 'q-fill-in', planAttempt(quiz, seed).questionIds[0] ?? ''],
            },
          },
        },
      }),
    })
    const plan = planAttempt(quiz, seed)
    const answered = new Set(['q-single', 'q-fill-in', plan.questionIds[0]])
    expect(wrapper?.text()).toContain(`You have an unfinished attempt: you have answered ${answered.size} of 6 questions. Your answers have been kept.`)
    await button('Continue the quiz').trigger('click')
    await flushPromises()
    const firstOpen = plan.questionIds.findIndex((id) => !answered.has(id))
    expect(focused()).toBe(`Question ${firstOpen + 1} of 6`)
    for (const [index, id] of plan.questionIds.entries()) {
      if (id === 'q-single' || id === 'q-fill-in') {
        const target = index - plan.questionIds.indexOf(plan.questionIds[firstOpen] ?? '')
        for (let step = 0; step < Math.abs(target); step++) await button(target > 0 ? 'Next question' : 'Previous question').trigger('click')
        if (id === 'q-single') expect(wrapper?.get('input:checked').attributes('value')).toBe('b')
        else expect((wrapper?.get('input[type="text"]').element as HTMLInputElement).value).toBe('Localism')
        for (let step = 0; step < Math.abs(target); step++) await button(target > 0 ? 'Previous question' : 'Next question').trigger('click')
      }
    }
  })

  it('shows the last result, not the introduction, when a submitted quiz is opened again', async () => {
    await mountQuiz({
      progress: (course) => ({
        ...emptyProgress(course.id, course.version),
        quizzes: {
          'every-type-quiz': {
            attempts: [{ seed: 7, startedAt: '2026-11-21T10:00:00.000Z', submittedAt: '2026-11-21T10:05:00.000Z', responses: {}, score: 0, passed: false }],
          },
        },
      }),
    })
    expect(wrapper?.get('h3').text()).toBe('Your result')
    expect(wrapper?.text()).toContain('You scored 0%.')
    expect(has('Try again')).toBe(true)
  })

  it('shows author text as sanitised course Markdown, and as plain words where only text fits', async () => {
    const quiz = quizBlock({ shuffle: false })
    const [single, , , matching] = quiz.questions
    if (single?.type !== 'single-choice' || matching?.type !== 'matching') throw new Error('fixture order changed')
    single.prompt = 'Which is **a fruit**? <img src="x" onerror="alert(1)">'
    matching.pairs[0] = { id: 'a', prompt: 'Wales', matchId: 'a', match: '*Cardiff*' }
    await mountQuiz({ quiz })
    await button('Start the quiz').trigger('click')
    const prompt = wrapper?.get('.quiz-question__prompt')
    expect(prompt?.get('strong').text()).toBe('a fruit')
    expect(prompt?.find('img').exists()).toBe(false)
    for (let index = 0; index < 3; index++) await button('Next question').trigger('click')
    expect(wrapper?.get('select').findAll('option').map((option) => option.text())).toContain('Cardiff')
  })

  it('speaks Welsh', async () => {
    await mountQuiz({ locale: 'cy' })
    await button('Dechrau’r cwis').trigger('click')
    expect(heading()).toBe('Cwestiwn 1 o 6')
  })
})
