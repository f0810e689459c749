import { describe, expect, it } from 'vitest'
import { catalogue } from '.'
import { BRANDING_MESSAGES } from '../branding/install'
import { PREVIEW_MESSAGES } from '../preview/messages'

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]]
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key))
}

describe('UI catalogues', () => {
  const en = new Map(leaves({ ...catalogue('en'), ...BRANDING_MESSAGES.en, ...PREVIEW_MESSAGES.en }))
  const cy = new Map(leaves({ ...catalogue('cy'), ...BRANDING_MESSAGES.cy, ...PREVIEW_MESSAGES.cy }))

  it('Welsh has every English key and no others', () => {
    expect([...cy.keys()].sort()).toEqual([...en.keys()].sort())
  })

  it('no string is left empty in either language', () => {
    expect([...en, ...cy].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)).toEqual([])
  })

  it('every placeholder in English is kept in Welsh', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    for (const [key, text] of en) expect(placeholders(cy.get(key)), key).toEqual(placeholders(text))
  })
})
