import { z } from 'zod'
import { CourseFileSchema, CourseTranslationFileSchema } from './course-file'
import { ModuleFrontMatterSchema } from './module-file'
import { QuestionBankFileSchema } from './question-bank'

/**
 * JSON Schemas for what authors write, generated from the same zod schemas the loader checks
 * with, so editors and the loader can never disagree. Keyed by file name.
 */
export function courseJsonSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' })
  return {
    'course.schema.json': generate(CourseFileSchema),
    'course-translation.schema.json': generate(CourseTranslationFileSchema),
    'question-bank.schema.json': generate(QuestionBankFileSchema),
    'module-front-matter.schema.json': generate(ModuleFrontMatterSchema),
  }
}
