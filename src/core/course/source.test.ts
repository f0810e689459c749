import { describe, expect, it } from 'vitest'
import { findControlCharacter, findInvalidUtf8 } from './source'

const bytes = (...values: number[]) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('findInvalidUtf8', () => {
  it('accepts valid UTF-8, including Welsh letters and emoji', () => {
    expect(findInvalidUtf8(utf8('Croeso i Gymru: ŵ ŷ â — 🙂\n'))).toBeUndefined()
  })

  it.each([
    ['a Latin-1 byte', [0x43, 0x61, 0x66, 0xe9], { line: 1, column: 4 }],
    ['an overlong encoding', [0xc0, 0x80], { line: 1, column: 1 }],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], { line: 1, column: 2 }],
    ['a sequence cut short', [0x61, 0x0a, 0x62, 0xe2, 0x82], { line: 2, column: 2 }],
    ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], { line: 1, column: 1 }],
    ['a stray continuation byte', [0x0a, 0x0a, 0x80], { line: 3, column: 1 }],
  ])('locates %s', (_, values, expected) => {
    expect(findInvalidUtf8(bytes(...values))).toEqual(expected)
  })

  it('counts characters, not bytes, for the column', () => {
    expect(findInvalidUtf8(new Uint8Array([...utf8('ŵŵ'), 0xff]))).toEqual({ line: 1, column: 3 })
  })
})

describe('findControlCharacter', () => {
  it('allows tabs and line breaks', () => {
    expect(findControlCharacter('a\tb\r\nc\n')).toBeUndefined()
  })

  it('locates NUL and other control characters', () => {
    expect(findControlCharacter('line one\nab\u0000c')).toEqual({ line: 2, column: 3 })
    expect(findControlCharacter('\u007f')).toEqual({ line: 1, column: 1 })
  })
})
