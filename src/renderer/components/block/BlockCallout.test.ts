import { describe, expect, it } from 'vitest'
import type { CalloutBlock } from '../../../core/course/blocks/callout'
import BlockCallout from './BlockCallout.vue'
import { mountBlock } from './block-testing'

const scottishLaw: CalloutBlock = { type: 'callout', kind: 'legal', jurisdiction: ['scotland'], markdown: 'Scottish councillors must register this.' }

describe('BlockCallout', () => {
  it('labels a tip as a note with its kind and title', async () => {
    const { wrapper } = await mountBlock(BlockCallout, { type: 'callout', kind: 'tip', title: 'Before you post', markdown: 'Count to ten.' })
    const note = wrapper.get('[role="note"]')
    const label = wrapper.get(`#${note.attributes('aria-labelledby')}`)
    expect(label.text()).toBe('Tip: Before you post')
    expect(note.text()).toContain('Count to ten.')
  })

  it('shows where a legal note applies', async () => {
    const { wrapper } = await mountBlock(BlockCallout, { type: 'callout', kind: 'legal', jurisdiction: ['england', 'wales'], markdown: 'The rule.' })
    expect(wrapper.get('.callout__where').text()).toBe('Applies in: England and Wales')
  })

  it('folds away a legal note for another nation, saying the rule differs where the learner is', async () => {
    const { wrapper } = await mountBlock(BlockCallout, scottishLaw, { nation: 'wales' })
    const details = wrapper.get('details')
    expect(details.attributes('open')).toBeUndefined()
    expect(details.get('summary').text()).toContain('this rule is for Scotland. The rule differs where you are (Wales).')
    expect(details.text()).toContain('Scottish councillors must register this.')
  })

  it('shows a legal note for the learner’s own nation open', async () => {
    const { wrapper } = await mountBlock(BlockCallout, scottishLaw, { nation: 'scotland' })
    expect(wrapper.find('details').exists()).toBe(false)
    expect(wrapper.get('[role="note"]').text()).toContain('Scottish councillors must register this.')
  })

  it('tells a learner outside the UK that the legal detail is UK-specific', async () => {
    const { wrapper } = await mountBlock(BlockCallout, scottishLaw, { nation: 'outside-uk' })
    expect(wrapper.find('details').exists()).toBe(false)
    expect(wrapper.get('.callout__outside').text()).toContain('This is UK law.')
  })

  it('speaks Welsh, without mutating the names of the nations', async () => {
    const { wrapper } = await mountBlock(BlockCallout, scottishLaw, { nation: 'wales', language: 'cy' })
    expect(wrapper.get('summary').text()).toContain("Nodyn cyfreithiol · mae'r rheol hon ar gyfer: Yr Alban. Mae'r rheol yn wahanol lle rydych chi (Cymru).")
  })
})
