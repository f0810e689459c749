import { storeToRefs } from 'pinia'
import { computed, type Ref } from 'vue'
import type { QuizBlock } from '../../../core/course/blocks/quiz'
import type { Question } from '../../../core/questions/registry'
import { quizStanding } from '../../../core/progress/completion'
import { idRecord, ownValue } from '../../../core/progress/id-record'
import { planAttempt, scoreAttempt } from '../../../core/quiz/attempt'
import { newSeed } from '../../../core/quiz/random'
import type { Response } from '../../../core/questions/registry'
import { useCourseStore } from '../../stores/course'

/**
 * A quiz's attempts, read from and written to the learner's progress in the course store: the
 * unfinished attempt lives there too, so answers survive a restart. What the attempt shows comes
 * from its seed, so a resumed or reviewed attempt looks exactly as it did.
 */
export function useQuizAttempt(quiz: Ref<QuizBlock>) {
  const store = useCourseStore()
  const { progress } = storeToRefs(store)
  const record = computed(() => ownValue(progress.value?.quizzes, quiz.value.id))

  const standing = computed(() => (progress.value ? quizStanding(progress.value, quiz.value.id) : { attempts: 0, best: null, passed: false }))
  /** Null when the quiz allows any number of attempts. */
  const attemptsLeft = computed(() => (quiz.value.attempts === undefined ? null : Math.max(0, quiz.value.attempts - standing.value.attempts)))

  const current = computed(() => record.value?.current ?? null)
  const plan = computed(() => (current.value ? planAttempt(quiz.value, current.value.seed) : null))
  const questionsById = computed(() => new Map(quiz.value.questions.map((question) => [question.id, question])))
  const questionsOf = (ids: readonly string[]): Question[] =>
    ids.flatMap((id) => {
      const question = questionsById.value.get(id)
      return question ? [question] : []
    })
  const questions = computed(() => questionsOf(plan.value?.questionIds ?? []))
  /**
   * Copied into a record without a prototype, so the screens can look answers up by question id:
   * progress from the API has Object.prototype, where "constructor" would be an answer.
   */
  const responses = computed(() => idRecord(Object.entries(current.value?.responses ?? {}) as [string, Response][]) as Readonly<Record<string, Response>>)
  /** Questions checked for immediate feedback in this attempt: locked, also after a restart. */
  const checked = computed(() => new Set(current.value?.checked ?? []))

  const last = computed(() => record.value?.attempts.at(-1) ?? null)
  /** The last submitted attempt, replayed from its seed for the result and the review. */
  const lastResult = computed(() => {
    const attempt = last.value
    if (!attempt) return null
    const lastPlan = planAttempt(quiz.value, attempt.seed)
    const attemptResponses = idRecord(Object.entries(attempt.responses) as [string, Response][]) as Readonly<Record<string, Response>>
    return {
      attempt,
      plan: lastPlan,
      questions: questionsOf(lastPlan.questionIds),
      responses: attemptResponses,
      marks: scoreAttempt(quiz.value, lastPlan.questionIds, attemptResponses).questions,
    }
  })

  const now = () => new Date().toISOString()
  return {
    standing,
    attemptsLeft,
    current,
    plan,
    questions,
    responses,
    checked,
    lastResult,
    start: () => store.record({ type: 'quiz.started', at: now(), quizId: quiz.value.id, seed: newSeed() }),
    answer: (questionId: string, response: Response) => store.record({ type: 'quiz.answered', quizId: quiz.value.id, questionId, response }),
    check: (questionId: string) => store.record({ type: 'quiz.checked', quizId: quiz.value.id, questionId }),
    submit: () => store.record({ type: 'quiz.submitted', at: now(), quizId: quiz.value.id }),
  }
}
