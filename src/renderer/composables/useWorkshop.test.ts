import { mount } from '@vue/test-utils'
import { defineComponent } from 'vue'
import { describe, expect, it } from 'vitest'
import type { CivicApi } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import type { UiLanguage } from '../../core/app-defaults'
import { useWorkshop } from './useWorkshop'

/** The trainer's side over an API whose every action fails with `failure`. */
function trainerReading(language: UiLanguage, failure: Error) {
  const api = { 'workshop.act': () => Promise.reject(failure) } as unknown as CivicApi
  const Probe = defineComponent({ setup: () => useWorkshop(api, () => language), render: () => null })
  return mount(Probe).vm as unknown as { act: ReturnType<typeof useWorkshop>['act']; error: string | null }
}

const noSuchQuestion = () => new ApiError({ code: 'BAD_INPUT', message: 'There is no such question.', refusal: { code: 'no-such-question' } })

describe('useWorkshop', () => {
  it('says what the session refused in the language the trainer reads', async () => {
    const welsh = trainerReading('cy', noSuchQuestion())
    expect(await welsh.act({ type: 'showQuestion', questionId: 'q9' })).toBe(false)
    expect(welsh.error).toBe('Does dim cwestiwn o’r fath.')
    const english = trainerReading('en', noSuchQuestion())
    await english.act({ type: 'showQuestion', questionId: 'q9' })
    expect(english.error).toBe('There is no such question.')
  })

  it('gives the host’s own words for a failure without a refusal code, or with one it does not know', async () => {
    const plain = trainerReading('cy', new ApiError({ code: 'UNAVAILABLE', message: 'The room is not open.' }))
    await plain.act({ type: 'close' })
    expect(plain.error).toBe('The room is not open.')
    const unknown = trainerReading('cy', new ApiError({ code: 'BAD_INPUT', message: 'Newer host words.', refusal: { code: 'from-a-newer-host' } }))
    await unknown.act({ type: 'close' })
    expect(unknown.error).toBe('Newer host words.')
  })
})
