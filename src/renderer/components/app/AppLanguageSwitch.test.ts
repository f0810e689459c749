import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import AppLanguageSwitch from './AppLanguageSwitch.vue'

describe('AppLanguageSwitch', () => {
  it('marks the current language as pressed, labels each in its own language, and emits a change', async () => {
    const wrapper = mount(AppLanguageSwitch, {
      props: { modelValue: 'en' },
      global: { plugins: [createAppI18n()] },
    })
    const [english, welsh] = wrapper.findAll('button')
    expect(english?.attributes('aria-pressed')).toBe('true')
    expect(welsh?.attributes('aria-pressed')).toBe('false')
    expect(welsh?.attributes('lang')).toBe('cy')
    expect(welsh?.text()).toBe('Cymraeg')
    await welsh?.trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([['cy']])
  })
})
