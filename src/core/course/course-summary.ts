import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import type { CourseProblem } from '../api'

export const COURSE_FILE = 'course.yaml'

const CourseHeadSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens'),
  title: z.string().min(1),
  summary: z.string().min(1),
  language: z.string().min(2),
})
export type CourseHead = z.infer<typeof CourseHeadSchema>

export type CourseHeadResult = { ok: true; head: CourseHead } | { ok: false; problems: CourseProblem[] }

/**
 * Reads the fields of a course file that the library needs. The text is untrusted: YAML errors
 * and missing or wrong fields come back as problems located at line and column.
 */
export function parseCourseHead(text: string, file: string): CourseHeadResult {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0])
        return { file, line: pos.line, column: pos.col, severity: 'error', message: error.message.split('\n')[0] ?? '' }
      }),
    }
  }
  const parsed = CourseHeadSchema.safeParse(doc.toJS())
  if (parsed.success) return { ok: true, head: parsed.data }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const node = issue.path.length > 0 ? doc.getIn(issue.path, true) : undefined
      const offset = node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? node.range[0] : 0
      const pos = lineCounter.linePos(typeof offset === 'number' ? offset : 0)
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      return { file, line: pos.line, column: pos.col, severity: 'error' as const, message: `${where}${issue.message}` }
    }),
  }
}
