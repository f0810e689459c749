import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { wardFeed } from '../../../../test/support/feeds'
import BlockFeed from './BlockFeed.vue'
import { mountBlock } from './block-testing'

type Wrapper = Awaited<ReturnType<typeof mountBlock>>['wrapper']
const post = (wrapper: Wrapper, author: string) => wrapper.findAll('article').find((article) => article.get('header strong').text() === author)
const words = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim()
const buttons = (wrapper: Wrapper, author: string) => post(wrapper, author)?.findAll('button').map((button) => button.text().replace(/\s+/g, ' ').trim()) ?? []

describe('BlockFeed', () => {
  it('shows each post as an article named by its author, with the replies under it and what the learner can do', async () => {
    const { wrapper } = await mountBlock(BlockFeed, wardFeed)
    expect(wrapper.get('section').attributes('aria-labelledby')).toBe(wrapper.get('h2').attributes('id'))
    expect(wrapper.get('h2').text()).toBe('Practice feed: Your Page this morning')
    const sam = post(wrapper, 'Sam')
    expect(sam?.attributes('aria-labelledby')).toBe(sam?.get('header strong').attributes('id'))
    expect(sam?.text()).toContain('When do the new bin days start?')
    expect(words(sam?.get('.block-feed__comments').text())).toContain('Jo Same question here.')
    expect(sam?.get('[role="group"]').attributes('aria-labelledby')).toBe(sam?.get('.block-feed__question').attributes('id'))
    expect(sam?.get('.block-feed__question').text()).toBe('What do you do with this post?')
    expect(buttons(wrapper, 'Sam')).toEqual(['Reply: From 3 March.', 'Hide it from others', 'Write your own reply'])
    expect(buttons(wrapper, 'Alex')).toEqual(['Do nothing for now', 'Block the author'])
    // The drawings are decoration.
    expect(wrapper.findAll('header svg').every((svg) => svg.attributes('aria-hidden') === 'true')).toBe(true)
  })

  it('records a choice, shows the reply in the thread and the verdict with its feedback, and takes focus there', async () => {
    const { wrapper, recorded } = await mountBlock(BlockFeed, wardFeed)
    await post(wrapper, 'Sam')?.findAll('button')[0]?.trigger('click')
    await flushPromises()
    const sam = post(wrapper, 'Sam')
    expect(sam?.findAll('button')).toHaveLength(0)
    expect(words(sam?.get('.block-feed__yours').text())).toBe('You From 3 March.')
    const outcome = sam?.get('.block-feed__outcome')
    expect(outcome?.text()).toContain('You replied. Best choice')
    expect(outcome?.text()).toContain('A clear answer where everyone can see it.')
    expect(document.activeElement).toBe(outcome?.element)
    expect(await recorded()).toEqual([{ type: 'feed.acted', at: expect.any(String), blockId: 'ward-feed', postId: 'bins', option: 'a' }])
  })

  it('lets the learner write their own reply, then shows the author’s to compare', async () => {
    const { wrapper, recorded } = await mountBlock(BlockFeed, wardFeed)
    await post(wrapper, 'Sam')?.findAll('button')[2]?.trigger('click')
    await flushPromises()
    const box = wrapper.get('textarea')
    expect(document.activeElement).toBe(box.element)
    expect(wrapper.get(`label[for="${box.attributes('id') ?? ''}"]`).text()).toBe('Your reply to Sam')
    // Nothing is posted while the box is empty.
    await wrapper.get('form').trigger('submit')
    expect(await recorded()).toEqual([])
    await box.setValue('  From March: the council page has the days.  ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(await recorded()).toEqual([{ type: 'feed.acted', at: expect.any(String), blockId: 'ward-feed', postId: 'bins', own: 'From March: the council page has the days.' }])
    const sam = post(wrapper, 'Sam')
    expect(words(sam?.get('.block-feed__yours').text())).toBe('You From March: the council page has the days.')
    expect(sam?.get('.block-feed__outcome').text()).toContain('You posted your own reply. Compare it with this:')
    expect(sam?.get('.block-feed__outcome').text()).toContain('A short answer with a link helps everyone who wonders.')
  })

  it('once every post is done, gives the score and starts again on request', async () => {
    const { wrapper, recorded } = await mountBlock(BlockFeed, wardFeed, { progress: { feeds: { 'ward-feed': { bins: { option: 'b' }, rant: { option: 'a' } } } } })
    expect(wrapper.get('.block-feed__score').text()).toBe('You made the best choice for 1 of 2 posts.')
    expect(post(wrapper, 'Sam')?.classes()).toContain('block-feed__post--hidden')
    expect(post(wrapper, 'Sam')?.get('.block-feed__outcome').text()).toContain('Risky')
    await wrapper.get('.block-feed__end button').trigger('click')
    await flushPromises()
    expect(await recorded()).toEqual([{ type: 'feed.restarted', blockId: 'ward-feed' }])
    expect(buttons(wrapper, 'Alex')).toEqual(['Do nothing for now', 'Block the author'])
    expect(wrapper.find('.block-feed__score').exists()).toBe(false)
  })

  it('lays out every option with what it leads to in a handout, with nothing to press', async () => {
    const { wrapper } = await mountBlock(BlockFeed, wardFeed, { host: { handout: true } })
    expect(wrapper.findAll('button')).toHaveLength(0)
    expect(wrapper.text()).toContain('Blocking a critic can look like silencing them.')
    expect(words(wrapper.text())).toContain('Reply: From 3 March.')
  })

  it('speaks Welsh in a Welsh interface', async () => {
    const { wrapper } = await mountBlock(BlockFeed, wardFeed, { language: 'cy' })
    expect(wrapper.get('h2').text()).toBe('Ffrwd ymarfer: Your Page this morning')
    expect(buttons(wrapper, 'Alex')).toEqual(['Gwneud dim am y tro', 'Rhwystro’r awdur'])
  })
})
