import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FlashcardsBlock } from '../../../core/course/blocks/flashcards'
import { mountBlock } from './block-testing'
import BlockFlashcards from './BlockFlashcards.vue'

const block: FlashcardsBlock = {
  type: 'flashcards',
  title: 'Words to know',
  cards: [
    { front: 'Predisposition', back: 'A view held before a decision, with a mind **still open**.' },
    { front: 'Predetermination', back: 'A closed mind: the decision made before the evidence is heard.' },
    { front: 'Purdah', back: 'An old name for the pre-election period.' },
  ],
}

afterEach(() => vi.restoreAllMocks())

describe('BlockFlashcards', () => {
  it('shows one card at a time, its back only once turned over, with the button saying which side shows', async () => {
    const { wrapper } = await mountBlock(BlockFlashcards, block)
    expect(wrapper.get('h2').text()).toBe('Words to know')
    expect(wrapper.get('.flashcard__position').text()).toBe('Card 1 of 3')
    expect(wrapper.get('.flashcard__front').text()).toBe('Predisposition')
    const back = wrapper.get('.flashcard__back')
    expect(back.isVisible()).toBe(false)
    const turn = wrapper.get('.flashcard__turn')
    expect(turn.attributes()).toMatchObject({ 'aria-expanded': 'false', 'aria-controls': back.attributes('id') })
    await turn.trigger('click')
    expect(back.isVisible()).toBe(true)
    expect(back.html()).toContain('<strong>still open</strong>')
    expect(turn.attributes('aria-expanded')).toBe('true')
    expect(turn.text()).toBe('Turn it back')
  })

  it('goes round the deck both ways, each card face up, and says which card it is', async () => {
    const { wrapper } = await mountBlock(BlockFlashcards, block)
    const button = (name: string) => wrapper.findAll('button').find((candidate) => candidate.text() === name)
    await wrapper.get('.flashcard__turn').trigger('click')
    await button('Next card')?.trigger('click')
    expect(wrapper.get('.flashcard__front').text()).toBe('Predetermination')
    expect(wrapper.get('.flashcard__back').isVisible()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe('Card 2 of 3: Predetermination')
    await button('Previous card')?.trigger('click')
    await button('Previous card')?.trigger('click')
    expect(wrapper.get('.flashcard__front').text()).toBe('Purdah')
    expect(wrapper.get('.flashcard__position').text()).toBe('Card 3 of 3')
  })

  it('shuffles the deck into a new order from its first card, and says so', async () => {
    // Fisher–Yates with these draws swaps the last card with the first, then leaves the middle.
    vi.spyOn(Math, 'random').mockReturnValueOnce(0).mockReturnValueOnce(0.9)
    const { wrapper } = await mountBlock(BlockFlashcards, block)
    await wrapper.findAll('button').find((candidate) => candidate.text() === 'Shuffle the cards')?.trigger('click')
    expect(wrapper.get('.flashcard__front').text()).toBe('Purdah')
    expect(wrapper.get('[role="status"]').text()).toBe('The cards are shuffled. Card 1 of 3: Purdah')
  })

  it('lists every card with its back in a handout', async () => {
    const { wrapper } = await mountBlock(BlockFlashcards, block, { host: { handout: true } })
    expect(wrapper.findAll('dt').map((term) => term.text())).toEqual(['Predisposition', 'Predetermination', 'Purdah'])
    expect(wrapper.findAll('dd')[1]?.text()).toBe('A closed mind: the decision made before the evidence is heard.')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('speaks Welsh, and has a title when the author gave none', async () => {
    const { wrapper } = await mountBlock(BlockFlashcards, { ...block, title: undefined }, { language: 'cy' })
    expect(wrapper.get('h2').text()).toBe('Cardiau cofio')
    expect(wrapper.get('.flashcard__position').text()).toBe('Cerdyn 1 o 3')
    expect(wrapper.get('.flashcard__turn').text()).toBe("Troi'r cerdyn drosodd")
  })
})
