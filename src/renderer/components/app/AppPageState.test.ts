import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import AppPageState from './AppPageState.vue'

type Props = InstanceType<typeof AppPageState>['$props']

function mountState(props: Props, slots: Record<string, () => unknown> = { default: () => h('p', { class: 'content' }, 'The content') }) {
  return mount(AppPageState, { props, slots })
}

const TEXTS = { loading: 'Loading…', failed: 'It could not be read.', retry: 'Try again', emptyText: 'Nothing yet.' }

describe('AppPageState', () => {
  it('says it is loading in a polite status line, and shows nothing else, before and while it loads', () => {
    for (const state of ['idle', 'loading'] as const) {
      const wrapper = mountState({ state, ...TEXTS })
      expect(wrapper.html()).toBe('<p role="status">Loading…</p>')
    }
  })

  it('shows a failure as an alert with a button that asks to try again', async () => {
    const wrapper = mountState({ state: 'failed', ...TEXTS })
    const alert = wrapper.get('[role="alert"]')
    expect(alert.classes()).toEqual(['notice', 'notice--error'])
    expect(alert.get('p').text()).toBe('It could not be read.')
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(wrapper.find('.content').exists()).toBe(false)
    const button = alert.get('button')
    expect([button.attributes('type'), button.classes(), button.text()]).toEqual(['button', ['button'], 'Try again'])
    await button.trigger('click')
    await button.trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(2)
  })

  it('offers no button where there is no trying again, and lets the screen word the failure itself', () => {
    const wrapper = mountState({ state: 'failed', loading: 'Loading…' }, { failed: () => [h('h1', 'Cannot open'), h('p', 'Because.')] })
    const alert = wrapper.get('[role="alert"]')
    expect(alert.findAll('h1, p').map((element) => element.text())).toEqual(['Cannot open', 'Because.'])
    expect(alert.find('button').exists()).toBe(false)
  })

  it('says there is nothing to show when it loaded nothing', () => {
    const wrapper = mountState({ state: 'ready', ...TEXTS, empty: true })
    expect(wrapper.html()).toBe('<p>Nothing yet.</p>')
  })

  it('shows the screen’s content, and no state line, once loaded', () => {
    const wrapper = mountState({ state: 'ready', ...TEXTS, empty: false })
    expect(wrapper.html()).toBe('<p class="content">The content</p>')
  })
})
