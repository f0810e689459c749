import { inject, provide, ref, type InjectionKey, type Ref } from 'vue'

const QUIZ_COURSE: InjectionKey<Readonly<Ref<string>>> = Symbol('QuizCourse')

/** The quiz tells its questions which course they belong to, for links and images in their text. */
export function provideQuizCourse(courseId: Readonly<Ref<string>>): void {
  provide(QUIZ_COURSE, courseId)
}

export function useQuizCourse(): Readonly<Ref<string>> {
  return inject(QUIZ_COURSE, ref(''))
}
