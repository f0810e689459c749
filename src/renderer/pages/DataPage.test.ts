import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/app-defaults'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CivicApi } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { createDeviceI18n } from '../device/install'
import DataPage from './DataPage.vue'

const LEARNER = { id: 'a', name: 'Ali', createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }

function api(overrides: Partial<CivicApi> = {}): CivicApi {
  return fakeApi({
    'profile.list': async () => ({ activeId: 'a', profiles: [LEARNER] }),
    'progress.overview': async () => [],
    'course.list': async () => [],
    'settings.get': async () => ({ ...DEFAULT_SETTINGS }),
    ...overrides,
  })
}

async function mountPage(civic: CivicApi, locale: 'en' | 'cy' = 'en') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/data', component: DataPage },
      { path: '/', component: { template: '<h1>Home</h1>' } },
    ],
  })
  await router.push('/data')
  const wrapper = mount(DataPage, {
    attachTo: document.body,
    global: { plugins: [createPinia(), createDeviceI18n(locale), router], provide: { [API_KEY as symbol]: civic } },
  })
  await flushPromises()
  return { wrapper, router }
}

async function pickFile(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], text: string) {
  const input = wrapper.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], 'record.json', { type: 'application/json' })] })
  await input.trigger('change')
  await wrapper.get('form.data-import').trigger('submit')
  await flushPromises()
}

describe('DataPage', () => {
  it('shows the host’s reason when a record is refused, marked as English in the Welsh interface', async () => {
    const { wrapper } = await mountPage(
      api({
        'record.import': async () => {
          throw new ApiError({ code: 'BAD_INPUT', message: 'The file is not a Civic Learn learner record.' })
        },
      }),
      'cy',
    )
    await pickFile(wrapper, '{"hello":"world"}')
    const refusal = wrapper.get('[data-testid="import-refused"]')
    expect(refusal.attributes('role')).toBe('alert')
    expect(refusal.text()).toContain('Does dim modd mewnforio’r ffeil hon.')
    expect(refusal.get('span[lang="en"]').text()).toBe('The file is not a Civic Learn learner record.')
    wrapper.unmount()
  })

  it('imports a good record and says who was added', async () => {
    const received: string[] = []
    const { wrapper } = await mountPage(
      api({
        'record.import': async ({ text }) => {
          received.push(text)
          return { ...LEARNER, id: 'b', name: 'Ali (2)' }
        },
      }),
    )
    await pickFile(wrapper, '{"format":"civic-learn-learner-record"}')
    expect(received).toEqual(['{"format":"civic-learn-learner-record"}'])
    expect(wrapper.text()).toContain('Ali (2) was imported.')
    expect(wrapper.find('[data-testid="import-refused"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('deletes everything only once the learner ticks that backups go too, then starts afresh at the library', async () => {
    const calls: unknown[] = []
    const { wrapper, router } = await mountPage(
      api({
        'data.deleteAll': async (input) => {
          calls.push(input)
          return { deleted: true as const }
        },
      }),
    )
    expect(wrapper.text()).toContain('and the backup copies Civic Learn keeps, so nothing can be restored')
    await wrapper.findAll('button[aria-haspopup="dialog"]').find((button) => button.text() === 'Delete all data…')?.trigger('click')
    const dialog = wrapper.findAll('dialog').find((candidate) => candidate.attributes('open') !== undefined)
    if (!dialog) throw new Error('The dialog did not open.')
    expect(dialog.get('h2').text()).toBe('Delete everything on this device?')
    await dialog.get('form').trigger('submit')
    expect(dialog.text()).toContain('Tick the box to confirm.')
    expect(calls).toEqual([])
    await dialog.get('input[type="checkbox"]').setValue(true)
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ confirm: 'delete everything' }])
    expect(router.currentRoute.value.path).toBe('/')
    wrapper.unmount()
  })

  it('resets the laptop for the next workshop once ticked, keeping the settings, then starts afresh at the library', async () => {
    const calls: unknown[] = []
    const { wrapper, router } = await mountPage(
      api({
        'data.resetWorkshop': async (input) => {
          calls.push(input)
          return { reset: true as const }
        },
      }),
    )
    expect(wrapper.text()).toContain('The settings, the council\'s branding and the trainer PIN stay.')
    await wrapper.findAll('button[aria-haspopup="dialog"]').find((button) => button.text() === 'Reset for the next workshop…')?.trigger('click')
    const dialog = wrapper.findAll('dialog').find((candidate) => candidate.attributes('open') !== undefined)
    if (!dialog) throw new Error('The dialog did not open.')
    expect(dialog.get('h2').text()).toBe('Reset this laptop for the next workshop?')
    await dialog.get('form').trigger('submit')
    expect(calls).toEqual([])
    await dialog.get('input[type="checkbox"]').setValue(true)
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ confirm: 'reset for the next workshop' }])
    expect(router.currentRoute.value.path).toBe('/')
    wrapper.unmount()
  })
})
