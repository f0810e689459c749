import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CourseBundle } from '../src/core/course/bundle'
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT_12, worstCaseProgress } from '../src/core/scorm/suspend-codec'
import { loadCourseFolder } from '../src/node/course-loader'

const ROOT = path.resolve(__dirname, '..')
const BUNDLED = path.join(ROOT, 'courses/social-media-for-local-leaders')

async function load(dir: string): Promise<CourseBundle> {
  const result = await loadCourseFolder(dir)
  if (!result.bundle) throw new Error(`${dir} does not load: ${result.problems[0]?.message}`)
  return result.bundle
}

/** The worst case for a real course: every page, every question answered, both a finished and an open attempt. */
function checkBudget(course: CourseBundle) {
  const worst = worstCaseProgress(course)
  const { data, fits, dropped } = encodeSuspendData(course, worst, SUSPEND_LIMIT_12)
  expect(fits).toBe(true)
  expect(dropped).toEqual([])
  const decoded = decodeSuspendData(course, data)
  expect(Object.keys(decoded?.pages ?? {})).toEqual(Object.keys(worst.pages))
  return data.length
}

describe('suspend data of real courses within SCORM 1.2’s 4096 characters', () => {
  it('the every-block fixture', async () => {
    expect(checkBudget(await load(path.join(ROOT, 'e2e/fixtures/courses/every-block')))).toBeLessThan(SUSPEND_LIMIT_12)
  })

  it('the bundled course', async (context) => {
    if (!existsSync(path.join(BUNDLED, 'course.yaml'))) {
      console.log(`skipped: the bundled course is not at ${BUNDLED} yet`)
      context.skip()
    }
    const course = await load(BUNDLED)
    const questions = course.content[course.language]?.modules.flatMap((module) => module.pages.flatMap((page) => page.blocks)).filter((block) => block.type === 'quiz').reduce((sum, quiz) => sum + (quiz.type === 'quiz' ? quiz.questions.length : 0), 0)
    const length = checkBudget(course)
    console.log(`bundled course: ${questions} questions; worst-case suspend data ${length} of ${SUSPEND_LIMIT_12} characters`)
    expect(length).toBeLessThan(SUSPEND_LIMIT_12)
  })
})
