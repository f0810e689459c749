import { describe, expect, it } from 'vitest'
import { desktopTranslator, languageOfLocale } from './desktop'

describe('the desktop app’s dialogs', () => {
  it('speak the system’s language before the learner’s settings can be read, English where it is not one of the app’s', () => {
    expect(['cy', 'cy-GB', 'CY_gb', 'en-GB', 'fr-FR', ''].map(languageOfLocale)).toEqual(['cy', 'cy', 'cy', 'en', 'en', 'en'])
  })

  it('fill in what went wrong', () => {
    expect(desktopTranslator('cy')('desktop.startFailed.title', { app: 'Civic Learn' })).toBe('Nid oedd modd cychwyn Civic Learn')
    expect(desktopTranslator('en')('desktop.saveFailed.detail', { reason: 'The disk is full.' })).toMatch(/^The disk is full\.\n\nFree some space/)
  })
})
