import { describe, expect, it } from 'vitest'
import { LanguageSchema, SettingsSchema } from './api/contract'
import { DEFAULT_SETTINGS, isUiLanguage, UI_LANGUAGES } from './app-defaults'

describe('app defaults', () => {
  it('lists the languages the settings accept, and knows them from anything else', () => {
    expect(UI_LANGUAGES).toEqual(LanguageSchema.options)
    expect(UI_LANGUAGES.every(isUiLanguage)).toBe(true)
    expect(['fr', 'EN', '', null, undefined].some(isUiLanguage)).toBe(false)
  })

  it('starts a device with settings the settings schema accepts, which nobody can change in place', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true)
  })
})
