import { describe, expect, it } from 'vitest'
import { QUESTION_TYPES } from '../../../core/questions/registry'
import { QUESTION_VIEWS } from './registry'

describe('question views', () => {
  it('shows every question type the course format has, and no other', () => {
    expect(Object.keys(QUESTION_VIEWS).sort()).toEqual(Object.keys(QUESTION_TYPES).sort())
  })
})
