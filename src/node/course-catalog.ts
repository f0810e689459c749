import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CourseSummary } from '../core/api'
import { COURSE_FILE, parseCourseHead } from '../core/course/course-summary'

/** A course file larger than this is not a course someone wrote by hand. */
const MAX_COURSE_FILE_BYTES = 256 * 1024

async function summarise(coursesDir: string, folder: string): Promise<CourseSummary> {
  const file = `${folder}/${COURSE_FILE}`
  const unavailable = (message: string): CourseSummary => ({
    status: 'unavailable',
    folder,
    problems: [{ file, line: 0, column: 0, severity: 'error', message }],
  })
  let bytes: Buffer
  try {
    bytes = await readFile(path.join(coursesDir, folder, COURSE_FILE))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return unavailable(code === 'ENOENT' ? `${COURSE_FILE} is missing.` : `${COURSE_FILE} could not be read (${code ?? 'error'}).`)
  }
  if (bytes.length > MAX_COURSE_FILE_BYTES) return unavailable(`${COURSE_FILE} is larger than ${MAX_COURSE_FILE_BYTES / 1024} KB.`)
  const result = parseCourseHead(new TextDecoder('utf-8').decode(bytes), file)
  if (!result.ok) return { status: 'unavailable', folder, problems: result.problems }
  return { status: 'ready', ...result.head }
}

/** Every course folder under the courses directory, in name order; a broken one never hides the rest. */
export async function listCourses(coursesDir: string): Promise<CourseSummary[]> {
  let entries
  try {
    entries = await readdir(coursesDir, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
  return Promise.all(folders.map((folder) => summarise(coursesDir, folder)))
}
