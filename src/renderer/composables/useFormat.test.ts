import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createAppI18n } from '../i18n'
import { useFormat } from './useFormat'

function format(language: 'en' | 'cy') {
  let result: ReturnType<typeof useFormat> | undefined
  mount(defineComponent({ setup: () => ((result = useFormat()), () => h('div')) }), { global: { plugins: [createAppI18n(language)] } })
  if (!result) throw new Error('not mounted')
  return result
}

describe('useFormat', () => {
  it('writes dates the British way in English and with Welsh month names in Welsh, whatever Intl knows', () => {
    expect(format('en').date('2026-06-30')).toBe('30 June 2026')
    expect(format('cy').date('2026-06-30')).toBe('30 Mehefin 2026')
    expect(format('cy').date('2026-01-05')).toBe('5 Ionawr 2026')
  })

  it('lists places with "and" in English and with commas in Welsh, so no name needs mutating', () => {
    expect(format('en').places(['england', 'wales', 'scotland'])).toBe('England, Wales and Scotland')
    expect(format('cy').places(['england', 'wales'])).toBe('Lloegr, Cymru')
    expect(format('cy').places(['northern-ireland'])).toBe('Gogledd Iwerddon')
  })

  it('gives clock and media times', () => {
    expect(format('en').time(new Date(2026, 0, 1, 9, 5))).toBe('09:05')
    expect(format('en').clock(65)).toBe('1:05')
    expect(format('en').clock(3723)).toBe('1:02:03')
  })
})
