import type { Scorm12API, Scorm2004API } from 'scorm-again'
import type { QuizBlock } from '../../src/core/course/blocks/quiz'
import type { CourseBundle } from '../../src/core/course/bundle'
import type { TrackingEvent } from '../../src/core/progress/schema'
import { planAttempt } from '../../src/core/quiz/attempt'
import { questionType, type Question, type Response } from '../../src/core/questions/registry'
import type { ScormVersion } from '../../src/core/scorm/manifest'
import { MoodleModel, preloadedValues, type MoodleModelOptions } from '../../src/core/scorm/moodle-model'
import type { InteractionJournal, ReportingMode } from '../../src/core/scorm/reporting'
import { strictLms, type StrictLms } from '../../src/core/scorm/strict-lms'
import { ProgressTracker } from '../../src/player/progress-tracker'
import { type Scorm12Api, type Scorm2004Api, ScormSession } from '../../src/player/scorm-runtime'

/** scorm-again's two APIs: passed in, since outside Vitest (the bench, run by tsx) only `await import('scorm-again')` loads its ES build. */
export interface ScormAgain {
  Scorm12API: typeof Scorm12API
  Scorm2004API: typeof Scorm2004API
}

export interface MoodleLaunch {
  version: ScormVersion
  course: CourseBundle
  scormAgain: ScormAgain
  choices?: { reporting?: ReportingMode; interactions?: InteractionJournal }
  /** What the LMS gave at launch, as scorm-again loads it: a relaunch. */
  stored?: Record<string, unknown>
  moodle?: Omit<MoodleModelOptions, 'preloaded'>
}

/**
 * The player in Moodle's runtime, without a browser: scorm-again behind the strict LMS, with
 * Moodle's requests modelled (src/core/scorm/moodle-model.ts).
 */
export function launchInMoodle({ version, course, scormAgain, choices = {}, stored, moodle: moodleOptions = {} }: MoodleLaunch) {
  const settings = { lmsCommitUrl: false as const, mastery_override: false, autocommit: false, logLevel: 5 as const }
  const lms = version === 'scorm12' ? new scormAgain.Scorm12API(settings) : new scormAgain.Scorm2004API(settings)
  if (stored) lms.loadFromJSON(version === 'scorm12' ? { ...stored, core: { ...(stored.core as object), entry: 'resume' } } : { ...stored, entry: 'resume' })
  const moodle = new MoodleModel(version, { ...moodleOptions, preloaded: preloadedValues(stored ?? {}) })
  const strict: StrictLms = strictLms(version, lms as unknown as Record<string, unknown>, { moodle })
  const session = new ScormSession(version === 'scorm12' ? { version, api: strict.api as unknown as Scorm12Api } : { version, api: strict.api as unknown as Scorm2004Api })
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null, ...choices })
  tracker.load()
  return { lms, strict, moodle, tracker }
}

/** What Moodle keeps for the next launch: what it stored, as scorm-again loads it. */
export function storedForRelaunch(moodle: MoodleModel): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [element, value] of moodle.stored) {
    const path = element.split('.').slice(1)
    // Values a launch sets anew, or that scorm-again will not load back.
    if (/^(session_time|total_time|exit|entry)$/.test(path.at(-1) ?? '')) continue
    let node = root
    path.forEach((key, index) => {
      if (index === path.length - 1) node[key] = value
      else node = (node[key] ??= /^\d+$/.test(path[index + 1] ?? '') ? [] : {}) as Record<string, unknown>
    })
  }
  return root
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute)).toISOString()

function answers(quiz: QuizBlock, seed: number, right: boolean): TrackingEvent[] {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))
  return planAttempt(quiz, seed).questionIds.map((questionId) => {
    const question = byId.get(questionId) as Question
    const correct = questionType(question).correctResponse(question)
    // A wrong answer: the right one's opposite for true-false, nothing otherwise (an answer left out is wrong).
    const response: Response | undefined = right ? correct : typeof correct === 'boolean' ? !correct : undefined
    return response === undefined ? { type: 'quiz.answered', quizId: quiz.id, questionId, response: '' } : { type: 'quiz.answered', quizId: quiz.id, questionId, response }
  })
}

/**
 * A diligent learner's walk, page by page: every page viewed, every quiz answered, each quiz
 * with a limit on attempts used to the full (failed, then passed), others passed at once. Each
 * page's events come as one batch, as the player sends them.
 */
export function diligentWalk(course: CourseBundle): TrackingEvent[][] {
  const batches: TrackingEvent[][] = []
  let minute = 0
  for (const module of course.content[course.language]?.modules ?? []) {
    for (const page of module.pages) {
      const batch: TrackingEvent[] = [
        { type: 'page.viewed', at: at(minute++), pageId: page.id },
        { type: 'location.changed', pageId: page.id, scroll: 0 },
      ]
      for (const block of page.blocks) {
        if (block.type !== 'quiz') continue
        const tries = block.attempts ?? 1
        for (let attempt = 0; attempt < tries; attempt++) {
          const seed = 7919 * (attempt + 1)
          batch.push({ type: 'quiz.started', at: at(minute++), quizId: block.id, seed }, ...answers(block, seed, attempt === tries - 1), { type: 'quiz.submitted', at: at(minute++), quizId: block.id })
        }
      }
      batch.push({ type: 'page.time', pageId: page.id, seconds: 90 })
      batches.push(batch)
    }
  }
  return batches
}

/** The walk a learner makes through the whole course, switching tabs now and then, and closing the window at the end; returns how many requests came before the close. */
export function walkAndClose(launch: ReturnType<typeof launchInMoodle>, course: CourseBundle): { beforeClose: number } {
  const { moodle, tracker } = launch
  diligentWalk(course).forEach((batch, index) => {
    tracker.record(batch)
    if (index % 7 === 3) {
      // The learner switches tabs: the page is hidden, and what changed is committed by beacon.
      moodle.setUnloading(true)
      tracker.commitIfChanged()
      moodle.setUnloading(false)
    }
  })
  // Closing a tab, as Chromium does it: hidden first (the player commits), then pagehide (it finishes).
  const beforeClose = moodle.requests.length
  moodle.setUnloading(true)
  tracker.commitIfChanged()
  tracker.close()
  return { beforeClose }
}
