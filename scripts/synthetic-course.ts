import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface SyntheticCourseSize {
  modules: number
  pages: number
}

/** The smallest valid PNG (1 × 1 pixel), so image blocks have a real file to point at. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8ffff3f0005fe02fe0dd1b5b10000000049454e44ae426082', 'hex')

function page(module: number, index: number, last: boolean): string {
  const id = `m${module}-p${index}`
  const lines = [
    `# Page ${index} of module ${module} {#${id}}`,
    '',
    `This page explains one idea in plain words, with **some emphasis** and a [link to guidance](https://example.org/guide/${module}/${index}).`,
    'A second sentence gives an example that a councillor might meet in their ward, so the idea sticks.',
    '',
  ]
  if (index % 5 === 0) lines.push('## A closer look', '', 'More detail for those who want it, still in short sentences.', '')
  lines.push('- The first point to remember.', '- The second point, a little longer than the first.', '- The third point.', '')
  lines.push(`::: callout {kind: ${index % 3 === 0 ? 'legal' : 'tip'}}`, 'A short note that stands out from the text around it.', ':::', '')
  // Each module has a picture of its own, so a course has as many media files as modules.
  if (index === 1) lines.push(`::: image {src: media/photo-${module}.png, alt: "A placeholder picture"}`, 'A caption for the picture.', ':::', '')
  if (last) lines.push(`::: quiz {id: quiz-${module}, bank: bank-${module}, draw: 3}`, ':::', '')
  return lines.join('\n')
}

function bank(module: number): string {
  const questions = Array.from({ length: 5 }, (_, index) =>
    [
      `  - id: q-${module}-${index}`,
      '    type: single-choice',
      `    prompt: Which answer is right for question ${index}?`,
      '    options:',
      '      - text: This one',
      '        correct: true',
      '        feedback: Yes, because it follows from the page.',
      '      - text: That one',
      '        feedback: No, look at the page again.',
      '      - text: Neither',
      '        feedback: No, one of them is right.',
      '    explanation: The page explains why.',
    ].join('\n'),
  )
  return `id: bank-${module}\nquestions:\n${questions.join('\n')}\n`
}

/** Writes a valid course of the given size into `dir`, for benchmarks and large-input tests. */
export async function writeSyntheticCourse(dir: string, size: SyntheticCourseSize): Promise<void> {
  await mkdir(path.join(dir, 'modules'), { recursive: true })
  await mkdir(path.join(dir, 'questions'), { recursive: true })
  await mkdir(path.join(dir, 'media'), { recursive: true })
  const modules = Array.from({ length: size.modules }, (_, index) => index + 1)
  const course = [
    'id: synthetic',
    'version: 1.0.0',
    'title: A synthetic course',
    'summary: Generated for benchmarks.',
    'language: en',
    `minutes: ${size.modules * 10}`,
    'jurisdiction: uk-wide',
    'lastReviewed: 2026-01-01',
    'passMark: 80',
    'completion: [all-pages-viewed, all-quizzes-passed]',
    'licence: CC0-1.0',
    'questionBanks:',
    ...modules.map((module) => `  - questions/bank-${module}.yaml`),
    'modules:',
    ...modules.map((module) => `  - modules/module-${module}.md`),
    '',
  ].join('\n')
  await writeFile(path.join(dir, 'course.yaml'), course)
  await Promise.all(
    modules.map(async (module) => {
      const front = ['---', `id: module-${module}`, `title: Module ${module}`, 'objectives:', '  - Understand the ideas of this module.', 'minutes: 10', '---', ''].join('\n')
      const pages = Array.from({ length: size.pages }, (_, index) => page(module, index + 1, index + 1 === size.pages))
      await writeFile(path.join(dir, `modules/module-${module}.md`), front + pages.join('\n'))
      await writeFile(path.join(dir, `questions/bank-${module}.yaml`), bank(module))
      await writeFile(path.join(dir, `media/photo-${module}.png`), PNG)
    }),
  )
}
