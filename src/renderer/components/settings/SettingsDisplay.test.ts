import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { SettingsPatch } from '../../../core/api'
import { ApiError } from '../../../core/api/errors'
import { DEFAULT_SETTINGS } from '../../../core/app-defaults'
import { API_KEY } from '../../api'
import { fakeApi } from '../../api/fake-api'
import { createAppI18n } from '../../i18n'
import { useSettingsStore } from '../../stores/settings'
import SettingsDisplay from './SettingsDisplay.vue'

function mountDisplay(options: { fails?: boolean; locale?: 'en' | 'cy' } = {}) {
  const patches: SettingsPatch[] = []
  let settings = { ...DEFAULT_SETTINGS }
  const api = fakeApi({
    'settings.update': async (patch) => {
      if (options.fails) throw new ApiError({ code: 'UNAVAILABLE', message: 'Civic Learn could not save your settings just now.' })
      patches.push(patch)
      settings = { ...settings, ...patch }
      return settings
    },
  })
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(SettingsDisplay, { global: { plugins: [pinia, createAppI18n(options.locale ?? 'en')], provide: { [API_KEY as symbol]: api } } })
  return { wrapper, patches, store: useSettingsStore() }
}

const option = (wrapper: ReturnType<typeof mountDisplay>['wrapper'], name: string) => {
  const label = wrapper.findAll('label').find((candidate) => candidate.text() === name)
  if (!label) throw new Error(`No option "${name}" in: ${wrapper.text()}`)
  return label.get('input')
}

describe('SettingsDisplay', () => {
  it('offers the theme, the text size and captions, as this device has them', () => {
    const { wrapper } = mountDisplay()
    expect(wrapper.findAll('legend').map((legend) => legend.text())).toEqual(['Colours', 'Text size'])
    expect((option(wrapper, 'The same as your computer').element as HTMLInputElement).checked).toBe(true)
    expect((option(wrapper, 'Normal').element as HTMLInputElement).checked).toBe(true)
    expect((option(wrapper, 'Show captions on videos when they start').element as HTMLInputElement).checked).toBe(true)
  })

  it('saves each choice as it is made and says so', async () => {
    const { wrapper, patches, store } = mountDisplay()
    await option(wrapper, 'Dark').setValue(true)
    await option(wrapper, 'Larger').setValue(true)
    await option(wrapper, 'Show captions on videos when they start').setValue(false)
    await flushPromises()
    expect(patches).toEqual([{ theme: 'dark' }, { textSize: 'larger' }, { captions: false }])
    expect(store.settings).toMatchObject({ theme: 'dark', textSize: 'larger', captions: false })
    expect(wrapper.get('[role="status"]').text()).toBe('Saved.')
  })

  it('says when a choice could not be saved', async () => {
    const { wrapper, store } = mountDisplay({ fails: true })
    await option(wrapper, 'Light').setValue(true)
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Your choice could not be saved. Try again.')
    expect(store.settings.theme).toBe('system')
  })

  it('speaks Welsh', () => {
    const { wrapper } = mountDisplay({ locale: 'cy' })
    expect(wrapper.get('h2').text()).toBe('Sut mae’r sgriniau’n edrych')
    expect(wrapper.findAll('legend').map((legend) => legend.text())).toEqual(['Lliwiau', 'Maint y testun'])
  })
})
