import { describe, expect, it } from 'vitest'
import cy from './locales/cy.json'
import en from './locales/en.json'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

describe('UI catalogues', () => {
  it('Welsh has every English key and no others', () => {
    expect(keys(cy).sort()).toEqual(keys(en).sort())
  })

  it('no Welsh string is left empty', () => {
    const empty = keys(cy).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], cy) === '')
    expect(empty).toEqual([])
  })
})
