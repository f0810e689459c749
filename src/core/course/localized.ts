import type { CourseBundle, LocalizedCourse } from './bundle'

/** The course's content in the language asked for, or in the course's own language when it has no translation into it. Zod-free, for the player. */
export function contentIn(course: CourseBundle, language: string): LocalizedCourse | undefined {
  return course.content[language] ?? course.content[course.language]
}
