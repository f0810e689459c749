import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSchemas } from './gen-schemas'

const committed = path.resolve(__dirname, '../schemas')

describe('JSON Schemas for editors', () => {
  it('are up to date in schemas/ (run "npm run schemas" after changing a course schema)', async () => {
    const generated = renderSchemas()
    expect((await readdir(committed)).filter((name) => name.endsWith('.json')).sort()).toEqual([...generated.keys()].sort())
    for (const [name, text] of generated) expect(await readFile(path.join(committed, name), 'utf8'), name).toBe(text)
  })

  it('describe the course file with its required keys and no others', () => {
    const course = JSON.parse(renderSchemas().get('course.schema.json') ?? '{}') as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> }
    expect(course.additionalProperties).toBe(false)
    expect(course.required).toEqual(expect.arrayContaining(['id', 'version', 'title', 'language', 'modules', 'passMark', 'completion', 'licence']))
    expect(course.properties.passMark).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 })
  })

  it('offer every question type in a question bank', () => {
    const bank = JSON.parse(renderSchemas().get('question-bank.schema.json') ?? '{}') as { properties: { questions: { items: { oneOf: { properties: { type: { const: string } } }[] } } } }
    const types = bank.properties.questions.items.oneOf.map((option) => option.properties.type.const)
    expect(types.sort()).toEqual(['fill-in', 'matching', 'multiple-response', 'ordering', 'single-choice', 'sort', 'true-false'])
  })
})
