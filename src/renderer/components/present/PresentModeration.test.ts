import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import cy from '../../i18n/locales/cy/present.json'
import en from '../../i18n/locales/en/present.json'
import PresentModeration from './PresentModeration.vue'

function mounted(language: 'en' | 'cy') {
  const i18n = createAppI18n(language)
  i18n.global.mergeLocaleMessage('en', en as never)
  i18n.global.mergeLocaleMessage('cy', cy as never)
  return mount(PresentModeration, { props: { text: 'Busy' }, global: { plugins: [i18n] } })
}

describe('PresentModeration', () => {
  it('names what each button decides on, and says which was chosen', async () => {
    const wrapper = mounted('en')
    const [approve, reject] = wrapper.findAll('button')
    expect(approve?.attributes('aria-label')).toBe('Approve: Busy')
    expect(reject?.attributes('aria-label')).toBe('Reject: Busy')
    await reject?.trigger('click')
    await approve?.trigger('click')
    expect(wrapper.emitted('decide')).toEqual([['rejected'], ['approved']])
  })

  it('speaks Welsh to a Welsh trainer', () => {
    const labels = mounted('cy').findAll('button').map((button) => button.attributes('aria-label'))
    expect(labels).toEqual([cy.present.room.approveThis.replace('{text}', 'Busy'), cy.present.room.rejectThis.replace('{text}', 'Busy')])
    expect(labels[0]).not.toContain('Approve')
  })
})
