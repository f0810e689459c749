import { describe, expect, it } from 'vitest'
import { catalogue } from '.'
import { SHARED_MESSAGES } from '../../core/i18n/catalogues'
import { DESKTOP_MESSAGES } from '../../core/i18n/desktop'
import { DOCUMENT_MESSAGES } from '../../core/i18n/documents'
import { BRANDING_MESSAGES } from '../branding/install'
import { PREVIEW_MESSAGES } from '../preview/messages'

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]]
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key))
}

/**
 * Every catalogue of the app's own words: the interface's (its shared areas from core included),
 * the app shell's branding, the preview window's, the documents' and the desktop dialogs' (src/core/i18n/locales).
 */
const SOURCES = { interface: catalogue, branding: (language: 'en' | 'cy') => BRANDING_MESSAGES[language], preview: (language: 'en' | 'cy') => PREVIEW_MESSAGES[language], documents: (language: 'en' | 'cy') => DOCUMENT_MESSAGES[language], desktop: (language: 'en' | 'cy') => DESKTOP_MESSAGES[language] }

describe('catalogues', () => {
  const all = (language: 'en' | 'cy') => Object.assign({}, ...Object.values(SOURCES).map((source) => source(language))) as object
  const en = new Map(leaves(all('en')))
  const cy = new Map(leaves(all('cy')))

  it('Welsh has every English key and no others', () => {
    expect([...cy.keys()].sort()).toEqual([...en.keys()].sort())
  })

  it('no two catalogues hold the same area, so merging them loses nothing', () => {
    const areas = Object.values(SOURCES).flatMap((source) => Object.keys(source('en')))
    expect(areas.filter((area, index) => areas.indexOf(area) !== index)).toEqual([])
  })

  it('gives the interface the areas it shares with the documents', () => {
    expect(catalogue('cy')).toMatchObject(SHARED_MESSAGES.cy)
  })

  it('no string is left empty in either language', () => {
    expect([...en, ...cy].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)).toEqual([])
  })

  it('every placeholder in English is kept in Welsh', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    for (const [key, text] of en) expect(placeholders(cy.get(key)), key).toEqual(placeholders(text))
  })

  it('the documents’ messages use only {name} placeholders, which Node’s lookup and vue-i18n read alike', () => {
    const documents = [DOCUMENT_MESSAGES, SHARED_MESSAGES, DESKTOP_MESSAGES].flatMap((messages) => [...leaves(messages.en), ...leaves(messages.cy)])
    // vue-i18n's other syntax: literals and other placeholders in braces, linked messages (@), plurals (|).
    expect(documents.filter(([, text]) => /[{}@|]/.test(String(text).replace(/\{\w+\}/g, ''))).map(([key]) => key)).toEqual([])
  })
})
