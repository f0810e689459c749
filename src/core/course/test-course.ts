import { loadCourse } from './load-course'
import type { CourseSourceFile } from './source'

/** A one-module course for loader tests, with one question bank (`bank`: a true/false question `q`). */
export const COURSE = `id: test
version: 1.0.0
title: Test
summary: A test.
language: en
minutes: 1
jurisdiction: wales
lastReviewed: 2026-01-01
passMark: 60
completion: [all-pages-viewed]
licence: CC0-1.0
questionBanks: [bank.yaml]
modules: [module.md]
`
export const FRONT = '---\nid: module\ntitle: Module\nobjectives: [Learn.]\nminutes: 1\n---\n'
export const BANK = `id: bank
questions:
  - id: q
    type: true-false
    prompt: True?
    answer: true
    feedback: {correct: Yes., incorrect: No.}
    explanation: Because.
`

/**
 * Loads the test course with `body` as its module after the front matter, a media file
 * `photo.png` when any file mentions it, `extra` files added or replacing its own, and `media`
 * files of those sizes; problems
 * as `file:line:column severity message`.
 */
export function loadTestCourse(body: string, extra: Record<string, string> = {}, media: Record<string, number> = {}) {
  const files = new Map<string, CourseSourceFile>()
  for (const [path, text] of Object.entries({ 'course.yaml': COURSE, 'module.md': FRONT + body, 'bank.yaml': BANK, ...extra })) {
    files.set(path, { kind: 'text', size: text.length, text })
  }
  if ([...files.values()].some((file) => file.kind === 'text' && file.text.includes('photo.png'))) files.set('photo.png', { kind: 'media', size: 100 })
  for (const [path, size] of Object.entries(media)) files.set(path, { kind: 'media', size })
  const result = loadCourse({ files, problems: [] })
  return {
    blocks: result.bundle?.content.en?.modules[0]?.pages.flatMap((page) => page.blocks) ?? [],
    bundle: result.bundle,
    problems: result.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`),
  }
}
