/**
 * A bit stream written as URL-safe base-64 characters: 6 bits a character, nothing an LMS
 * escapes, mangles or counts twice (every character is one byte in any encoding).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]))

/** UTF-8 without TextEncoder, which core's pure-ES build does not declare; lone surrogates become U+FFFD. */
function utf8Bytes(text: string): number[] {
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  const escaped = encodeURIComponent(wellFormed)
  const bytes: number[] = []
  for (let index = 0; index < escaped.length; index++) {
    if (escaped[index] === '%') {
      bytes.push(parseInt(escaped.slice(index + 1, index + 3), 16))
      index += 2
    } else {
      bytes.push(escaped.charCodeAt(index))
    }
  }
  return bytes
}

/** Throws (URIError) on bytes that are not UTF-8. */
function utf8Text(bytes: readonly number[]): string {
  return decodeURIComponent(bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''))
}

/**
 * CRC-24 (the OpenPGP one) of a base-64 text, one byte a character: a damaged character always
 * changes it, and any other damage does so in all but one case in 16 million. Four base-64
 * characters hold it.
 */
export function crc24(text: string): number {
  let crc = 0xb704ce
  for (let index = 0; index < text.length; index++) {
    crc ^= (text.charCodeAt(index) & 0xff) << 16
    for (let bit = 0; bit < 8; bit++) {
      crc <<= 1
      if (crc & 0x1000000) crc ^= 0x1864cfb
    }
  }
  return crc & 0xffffff
}

/** Bits needed to write any whole number from 0 to `max`. */
export function bitsFor(max: number): number {
  return max <= 0 ? 0 : Math.floor(Math.log2(max)) + 1
}

export class BitWriter {
  private readonly bits: number[] = []

  /** Writes `value` (0 ≤ value < 2^width, width ≤ 32), most significant bit first. */
  uint(value: number, width: number): void {
    if (!Number.isInteger(value) || value < 0 || (width < 32 && value >= 2 ** width)) throw new RangeError(`${value} does not fit in ${width} bits`)
    for (let bit = width - 1; bit >= 0; bit--) this.bits.push(Math.floor(value / 2 ** bit) % 2)
  }

  bool(value: boolean): void {
    this.bits.push(value ? 1 : 0)
  }

  /** A whole number of any size: groups of 3 bits, each followed by a "more" bit. */
  varuint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${value} is not a count`)
    let rest = value
    do {
      this.uint(rest % 8, 3)
      rest = Math.floor(rest / 8)
      this.bool(rest > 0)
    } while (rest > 0)
  }

  /** UTF-8 bytes with their count first. */
  text(value: string): void {
    const bytes = utf8Bytes(value)
    this.varuint(bytes.length)
    for (const byte of bytes) this.uint(byte, 8)
  }

  toString(): string {
    let out = ''
    for (let index = 0; index < this.bits.length; index += 6) {
      let value = 0
      for (let bit = 0; bit < 6; bit++) value = value * 2 + (this.bits[index + bit] ?? 0)
      out += ALPHABET[value]
    }
    return out
  }
}

/** Reads what BitWriter wrote; throws on anything malformed, including reading past the end. */
export class BitReader {
  private readonly values: number[]
  private position = 0

  constructor(text: string) {
    this.values = [...text].map((char) => {
      const value = VALUES.get(char)
      if (value === undefined) throw new Error('not base-64')
      return value
    })
  }

  private bit(): number {
    const value = this.values[Math.floor(this.position / 6)]
    if (value === undefined) throw new Error('the data ends early')
    const bit = (value >> (5 - (this.position % 6))) & 1
    this.position++
    return bit
  }

  uint(width: number): number {
    let value = 0
    for (let bit = 0; bit < width; bit++) value = value * 2 + this.bit()
    return value
  }

  /** A number below `limit`, written in bitsFor(limit - 1) bits. */
  index(limit: number): number {
    const value = this.uint(bitsFor(limit - 1))
    if (value >= limit) throw new Error('an index is out of range')
    return value
  }

  bool(): boolean {
    return this.bit() === 1
  }

  varuint(): number {
    let value = 0
    let scale = 1
    for (;;) {
      value += this.uint(3) * scale
      scale *= 8
      if (!this.bool()) return value
      if (scale > Number.MAX_SAFE_INTEGER) throw new Error('a count is too large')
    }
  }

  text(maxBytes: number): string {
    const length = this.varuint()
    if (length > maxBytes) throw new Error('a text is too long')
    const bytes: number[] = []
    for (let index = 0; index < length; index++) bytes.push(this.uint(8))
    return utf8Text(bytes)
  }

  /** True when only the padding of the last character is left. */
  done(): boolean {
    return this.values.length * 6 - this.position < 6
  }
}
