import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { StoreNotice } from '../../../core/api'
import { API_KEY } from '../../api'
import { fakeApi } from '../../api/fake-api'
import { createDeviceI18n } from '../../device/install'
import DataNotices from './DataNotices.vue'

async function mountNotices(notices: StoreNotice[], readOnly = false, locale: 'en' | 'cy' = 'en', status = vi.fn(async () => ({ readOnly, notices }))) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<p />' } }, { path: '/other/:n', component: { template: '<p />' } }] })
  await router.push('/')
  const api = fakeApi({ 'store.status': status })
  const wrapper = mount(DataNotices, {
    global: { plugins: [createPinia(), createDeviceI18n(locale), router], provide: { [API_KEY as symbol]: api } },
  })
  await flushPromises()
  return Object.assign(wrapper, { router })
}

afterEach(() => {
  vi.useRealTimers()
})

describe('DataNotices', () => {
  it('asks the host for the status on start, and again on a move between screens at most twice a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const status = vi.fn(async () => ({ readOnly: false, notices: [] as StoreNotice[] }))
    const wrapper = await mountNotices([], false, 'en', status)
    expect(status).toHaveBeenCalledTimes(1)
    for (let n = 0; n < 5; n++) await wrapper.router.push(`/other/${n}`)
    await flushPromises()
    expect(status).toHaveBeenCalledTimes(1)
    vi.setSystemTime(Date.now() + 31_000)
    await wrapper.router.push('/other/later')
    await flushPromises()
    expect(status).toHaveBeenCalledTimes(2)
  })

  it('says nothing could be restored and that the damaged file was kept, naming only the file, in a polite live region', async () => {
    const wrapper = await mountNotices([{ kind: 'recovered', setAside: '/home/ali/.config/civic/learners.damaged-1.json', restoredFrom: null, backupTakenAt: null }])
    expect(wrapper.get('.data-notices').attributes('aria-live')).toBe('polite')
    const notice = wrapper.get('[data-testid="data-notice"]')
    expect(notice.text()).toContain('nothing could be restored')
    expect(notice.text()).toContain('The damaged file was kept')
    expect(notice.get('details').text()).toContain('Damaged file kept as: learners.damaged-1.json')
    expect(wrapper.text()).not.toContain('/home/ali')
  })

  it('warns that a newer file is read-only and changes will not be saved', async () => {
    const wrapper = await mountNotices([{ kind: 'newer-version', fileVersion: 9, appVersion: 3 }], true)
    expect(wrapper.text()).toContain('Your changes will not be saved')
    expect(wrapper.text()).toContain('Update Civic Learn to carry on learning.')
  })

  it('explains a full disk, and drops the warning once saving works again', async () => {
    const failed = await mountNotices([{ kind: 'write-failed', reason: 'disk-full', code: 'ENOSPC' }])
    expect(failed.text()).toContain('The disk is full. Your progress is kept while Civic Learn is open, and it keeps trying to save.')
    const recovered = await mountNotices([
      { kind: 'write-failed', reason: 'disk-full', code: 'ENOSPC' },
      { kind: 'write-recovered' },
    ])
    expect(recovered.text()).not.toContain('The disk is full')
    expect(recovered.text()).toContain('Saving works again')
  })

  it('is dismissed by the learner, and speaks Welsh', async () => {
    const wrapper = await mountNotices([{ kind: 'migrated', from: 1, to: 2, backup: 'learners.v1.json' }], false, 'cy')
    expect(wrapper.text()).toContain('Cafodd eich cynnydd sydd wedi’i gadw ei ddiweddaru')
    await wrapper.get('[data-testid="data-notice"] button').trigger('click')
    expect(wrapper.find('[data-testid="data-notice"]').exists()).toBe(false)
  })
})
