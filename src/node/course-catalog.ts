import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { CourseSummary } from '../core/api'
import { loadCourseFolder } from './course-loader'

async function summarise(coursesDir: string, folder: string): Promise<CourseSummary> {
  let result
  try {
    result = await loadCourseFolder(path.join(coursesDir, folder))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return { status: 'unavailable', folder, problems: [{ file: folder, line: 1, column: 1, severity: 'error', message: `The course folder could not be read (${code}).` }] }
  }
  const { bundle, problems } = result
  if (!bundle) {
    return { status: 'unavailable', folder, problems: problems.map((problem) => ({ ...problem, file: `${folder}/${problem.file}` })) }
  }
  const content = bundle.content[bundle.language]
  return { status: 'ready', id: bundle.id, title: content?.title ?? bundle.id, summary: content?.summary ?? '', language: bundle.language }
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
