import { describe, expect, it } from 'vitest'
import type { CouncillorNotesBlock } from '../../../core/course/blocks/councillor-notes'
import BlockCouncillorNotes from './BlockCouncillorNotes.vue'
import { mountBlock } from './block-testing'

const block: CouncillorNotesBlock = {
  type: 'councillor-notes',
  illustrative: true,
  notes: [
    { from: 'A town councillor', kind: 'experience', markdown: 'I say **when** I reply in my bio.' },
    { from: 'A county councillor', kind: 'answer', markdown: 'No, not every comment.' },
  ],
}

describe('BlockCouncillorNotes', () => {
  it('quotes each note with who it is from and its kind, under its heading, saying first that the notes are illustrative', async () => {
    const { wrapper } = await mountBlock(BlockCouncillorNotes, block)
    // Not a landmark: a handout has several, all named alike.
    expect(wrapper.find('aside, section, [role]').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe('Notes from councillors')
    expect(wrapper.get('.block-councillor-notes__illustrative').text()).toMatch(/^Illustrative: .*not the words of real councillors\.$/)
    const notes = wrapper.findAll('figure')
    expect(notes).toHaveLength(2)
    expect(notes[0]!.get('blockquote').html()).toContain('<strong>when</strong>')
    expect(notes[0]!.get('figcaption').text()).toBe('Experience A town councillor')
    expect(notes[1]!.get('figcaption').text()).toBe('Answer A county councillor')
  })

  it('says nothing of examples when the notes are real, and speaks Welsh', async () => {
    const { wrapper } = await mountBlock(BlockCouncillorNotes, { ...block, illustrative: undefined }, { language: 'cy' })
    expect(wrapper.find('.block-councillor-notes__illustrative').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe('Nodiadau gan gynghorwyr')
    expect(wrapper.findAll('figcaption').map((caption) => caption.text())).toEqual(['Profiad A town councillor', 'Ateb A county councillor'])
  })
})
