import { describe, expect, it } from 'vitest'
import { newSeed, seededRandom, shuffled } from './random'

describe('seeded randomness', () => {
  it('gives the same numbers, in [0, 1), for the same seed', () => {
    const draw = (seed: number) => Array.from({ length: 100 }, seededRandom(seed))
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
    expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true)
  })

  it('shuffles a copy, keeping every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e']
    const mixed = shuffled(items, seededRandom(3))
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect([...mixed].sort()).toEqual(items)
  })

  it('makes seeds that fit the tracking event’s unsigned 32-bit range', () => {
    expect(newSeed(() => 0)).toBe(0)
    expect(newSeed(() => 0.999_999_999_9)).toBe(4_294_967_295)
    expect(newSeed(() => 0.5)).toBe(2_147_483_648)
  })
})
