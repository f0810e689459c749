import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/app-defaults'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CivicApi, Profile } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { createDeviceI18n } from '../device/install'
import LearnersPage from './LearnersPage.vue'

/** An API over an in-memory list of learners, recording the calls that change it. */
function learnerApi(start: Profile[], pins: Record<string, string> = {}) {
  const state = { activeId: start[0]?.id ?? null, profiles: [...start] }
  const calls: string[] = []
  const api = fakeApi({
    'profile.list': async () => ({ activeId: state.activeId, profiles: [...state.profiles] }),
    'profile.switch': async ({ id, pin }) => {
      calls.push(`switch ${id} ${pin ?? ''}`)
      if (pins[id] && pins[id] !== pin) throw new ApiError({ code: 'FORBIDDEN', message: 'That PIN is not right.' })
      state.activeId = id
      return state.profiles.find((p) => p.id === id) as Profile
    },
    'profile.delete': async ({ id }) => {
      calls.push(`delete ${id}`)
      state.profiles = state.profiles.filter((p) => p.id !== id)
      return { deleted: true as const }
    },
    'profile.create': async ({ name }) => {
      const profile = { id: `id-${name}`, name, createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }
      state.profiles.push(profile)
      return profile
    },
    'profile.setPin': async ({ id, pin }) => {
      calls.push(`pin ${id} ${pin ?? 'none'}`)
      const profile = state.profiles.find((p) => p.id === id) as Profile
      profile.hasPin = pin !== null
      return profile
    },
    'progress.overview': async () => [],
    // Each learner's own language and nation come back with them.
    'settings.get': async () => {
      calls.push(`settings ${state.activeId}`)
      return { ...DEFAULT_SETTINGS }
    },
  })
  return { api, calls, state }
}

const ALI = { id: 'ali', name: 'Ali', createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }
const BETH = { id: 'beth', name: 'Beth', createdAt: '2026-01-02T00:00:00.000Z', hasPin: true }

async function mountPage(api: CivicApi, locale: 'en' | 'cy' = 'en') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: LearnersPage }] })
  const wrapper = mount(LearnersPage, {
    attachTo: document.body,
    global: { plugins: [createPinia(), createDeviceI18n(locale), router], provide: { [API_KEY as symbol]: api } },
  })
  await flushPromises()
  return wrapper
}

describe('LearnersPage', () => {
  it('lists the learners, marks who is studying, and says a PIN is a courtesy, not security', async () => {
    const wrapper = await mountPage(learnerApi([ALI, BETH]).api)
    const items = wrapper.findAll('[data-testid="learner-list"] > li')
    expect(items.map((item) => item.find('strong').text())).toEqual(['Ali', 'Beth'])
    expect(items[0]?.text()).toContain('Studying now')
    expect(items[1]?.text()).toContain('Has a PIN')
    expect(wrapper.text()).toContain('A PIN is a courtesy, not security')
    wrapper.unmount()
  })

  it('asks for the PIN before switching to a learner who has one, and refuses a wrong one', async () => {
    const { api, calls, state } = learnerApi([ALI, BETH], { beth: '1234' })
    const wrapper = await mountPage(api)
    await wrapper.findAll('button').find((b) => b.text() === 'Switch to Beth')?.trigger('click')
    await flushPromises()
    const dialog = wrapper.findAll('dialog').find((d) => d.attributes('open') !== undefined)
    expect(dialog?.get('h2').text()).toBe('Enter Beth’s PIN')
    await dialog?.get('input').setValue('9999')
    await dialog?.get('form').trigger('submit')
    await flushPromises()
    expect(dialog?.get('[role="alert"]').text()).toBe('That PIN is not right. Try again.')
    expect(state.activeId).toBe('ali')
    await dialog?.get('input').setValue('1234')
    await dialog?.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual(['switch beth 9999', 'switch beth 1234', 'settings beth'])
    expect(state.activeId).toBe('beth')
    expect(dialog?.attributes('open')).toBeUndefined()
    expect(wrapper.get('[role="status"]').text()).toBe('Now studying: Beth.')
    wrapper.unmount()
  })

  it('deletes a learner only after a confirmation that names them and says their data goes', async () => {
    const { api, calls } = learnerApi([ALI, BETH])
    const wrapper = await mountPage(api)
    await wrapper.findAll('button').find((b) => b.text() === 'Delete: Beth')?.trigger('click')
    await flushPromises()
    const dialog = wrapper.findAll('dialog').find((d) => d.attributes('open') !== undefined)
    expect(dialog?.get('h2').text()).toBe('Delete Beth?')
    expect(dialog?.text()).toContain('This removes Beth and all their progress, quiz answers and reflections from this device.')
    await dialog?.findAll('button').find((b) => b.text() === 'Keep Beth')?.trigger('click')
    await flushPromises()
    expect(calls).toEqual([])
    await wrapper.findAll('button').find((b) => b.text() === 'Delete: Beth')?.trigger('click')
    await dialog?.findAll('button').find((b) => b.text() === 'Delete Beth')?.trigger('click')
    await flushPromises()
    expect(calls).toEqual(['delete beth'])
    expect(wrapper.findAll('[data-testid="learner-list"] > li')).toHaveLength(1)
    // The only learner left cannot be deleted.
    expect(wrapper.get('[data-testid="learner-list"]').findAll('button').some((b) => b.text().startsWith('Delete'))).toBe(false)
    wrapper.unmount()
  })

  it('asks for the trainer PIN when a change needs it, runs the change once it is given, and does nothing when the dialog is closed', async () => {
    const { api, calls } = learnerApi([ALI, BETH])
    const trainer = { unlocked: false }
    const locked = () => new ApiError({ code: 'FORBIDDEN', message: 'This needs the trainer PIN.', issues: [{ path: 'trainerPin', message: 'locked' }] })
    const guarded = {
      ...api,
      'profile.delete': async (input: { id: string }) => {
        if (!trainer.unlocked) throw locked()
        return api['profile.delete'](input)
      },
      'trainer.status': async () => ({ hasPin: true, unlocked: trainer.unlocked }),
      'trainer.unlock': async ({ pin }: { pin: string }) => {
        calls.push(`unlock ${pin}`)
        if (pin !== '9999') throw new ApiError({ code: 'FORBIDDEN', message: 'That is not the trainer PIN.', issues: [{ path: 'trainerPin', message: 'wrong' }] })
        trainer.unlocked = true
        return { hasPin: true, unlocked: true }
      },
    } as CivicApi
    const wrapper = await mountPage(guarded)
    expect(wrapper.get('[data-testid="trainer-status"]').text()).toBe('A trainer PIN is set. The results and changes to other learners need it.')
    const deleteBeth = async () => {
      await wrapper.findAll('button').find((b) => b.text() === 'Delete: Beth')?.trigger('click')
      await flushPromises()
      await wrapper.findAll('dialog').find((d) => d.attributes('open') !== undefined)?.findAll('button').find((b) => b.text() === 'Delete Beth')?.trigger('click')
      await flushPromises()
    }
    const unlockDialog = () => wrapper.findAll('dialog').find((d) => d.attributes('open') !== undefined && d.get('h2').text() === 'Trainer PIN needed')
    await deleteBeth()
    // Closed without the PIN: nothing happens, and nothing is said to have failed.
    await unlockDialog()?.findAll('button').find((b) => b.text() === 'Cancel')?.trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(calls).toEqual([])

    await deleteBeth()
    await unlockDialog()?.get('input').setValue('1111')
    await unlockDialog()?.get('form').trigger('submit')
    await flushPromises()
    expect(unlockDialog()?.get('[role="alert"]').text()).toBe('That is not the trainer PIN. Try again.')
    await unlockDialog()?.get('input').setValue('9999')
    await unlockDialog()?.get('form').trigger('submit')
    await flushPromises()
    expect(unlockDialog()).toBeUndefined()
    expect(calls).toEqual(['unlock 1111', 'unlock 9999', 'delete beth'])
    expect(wrapper.findAll('[data-testid="learner-list"] > li')).toHaveLength(1)
    wrapper.unmount()
  })

  it('says plainly when a learner’s own PIN keeps their record theirs', async () => {
    const { api } = learnerApi([ALI, BETH])
    const refusing = {
      ...api,
      'profile.setPin': async () => {
        throw new ApiError({ code: 'FORBIDDEN', message: 'This learner has a PIN.', issues: [{ path: 'trainerPin', message: 'learner-pin' }] })
      },
    } as CivicApi
    const wrapper = await mountPage(refusing)
    await wrapper.findAll('button').find((b) => b.text() === 'Remove PIN: Beth')?.trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('That learner has a PIN: only they can change it or remove their record')
    wrapper.unmount()
  })

  it('adds a workshop’s learners pasted one a line, and says what is wrong with the list', async () => {
    const { api, state } = learnerApi([ALI])
    const added: string[][] = []
    const many = {
      ...api,
      'profile.createMany': async ({ names }: { names: string[] }) => {
        added.push(names)
        const created = names.map((name) => ({ id: `id-${name}`, name, createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }))
        state.profiles.push(...created)
        return { created }
      },
    } as CivicApi
    const wrapper = await mountPage(many)
    const form = wrapper.get('[data-testid="add-many"]')
    await form.trigger('submit')
    expect(form.get('.form-error').text()).toBe('Write at least one name, one a line.')
    await form.get('textarea').setValue('Alys Evans\n\n  Bryn Jones  \r\nCeri\n')
    await form.trigger('submit')
    await flushPromises()
    expect(added).toEqual([['Alys Evans', 'Bryn Jones', 'Ceri']])
    expect(wrapper.get('.learners-page__status').text()).toBe('Added 3 learners.')
    expect(wrapper.findAll('[data-testid="learner-list"] > li')).toHaveLength(4)
    expect(form.get('textarea').element.value).toBe('')
    await form.get('textarea').setValue('x'.repeat(81))
    await form.trigger('submit')
    expect(form.get('.form-error').text()).toContain('longer than 80 characters')
    wrapper.unmount()
  })

  it('sets a PIN only when it is 4 to 8 digits', async () => {
    const { api, calls } = learnerApi([ALI])
    const wrapper = await mountPage(api)
    await wrapper.findAll('button').find((b) => b.text() === 'Set a PIN: Ali')?.trigger('click')
    const dialog = wrapper.findAll('dialog').find((d) => d.attributes('open') !== undefined)
    await dialog?.get('input').setValue('12')
    await dialog?.get('form').trigger('submit')
    expect(dialog?.text()).toContain('A PIN is 4 to 8 digits.')
    expect(calls).toEqual([])
    await dialog?.get('input').setValue('24680')
    await dialog?.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual(['pin ali 24680'])
    expect(wrapper.text()).toContain('Ali now has a PIN.')
    wrapper.unmount()
  })

  it('invites a learner still called “Learner” to set their name, in Welsh too', async () => {
    const wrapper = await mountPage(learnerApi([{ ...ALI, name: 'Learner' }]).api, 'cy')
    expect(wrapper.get('[data-testid="name-invite"]').text()).toBe('Mae eich enw’n mynd ar eich tystysgrifau. Newidiwch “Learner” i’ch enw chi.')
    expect(wrapper.get('h1').text()).toBe('Dysgwyr ar y ddyfais hon')
    wrapper.unmount()
  })
})
