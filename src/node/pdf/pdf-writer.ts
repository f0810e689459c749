import { readFile } from 'node:fs/promises'
import fontkit from '@pdf-lib/fontkit'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib'

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = 56

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null

/**
 * DejaVu Sans covers Welsh (ŵ, ŷ, â…) and most Latin scripts; the PDF standard fonts do not.
 * Read once per process.
 */
function loadFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fonts ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }))
  return fonts
}

/** The PDF's document-information dictionary (title, author… and any entries of our own), made when missing. */
function documentInfo(doc: PDFDocument): PDFDict {
  const { context } = doc
  const existing = context.trailerInfo.Info ? context.lookup(context.trailerInfo.Info) : undefined
  if (existing instanceof PDFDict) return existing
  const info = context.obj({})
  context.trailerInfo.Info = context.register(info)
  return info
}

/** Sets a text entry of a PDF's document information. */
export function writeDocumentInfo(doc: PDFDocument, key: string, text: string): void {
  documentInfo(doc).set(PDFName.of(key), PDFHexString.fromText(text))
}

/** A text entry of a PDF's document information, or null when it has none by that name. */
export function readDocumentInfo(doc: PDFDocument, key: string): string | null {
  const value = documentInfo(doc).lookup(PDFName.of(key))
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : null
}

export function hexColour(hex: string): RGB {
  const value = Number.parseInt(hex.replace('#', ''), 16)
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255)
}

export interface TextStyle {
  size: number
  bold?: boolean
  colour?: RGB
  /** Centre each line on the page. */
  centre?: boolean
  /** Space after the paragraph, in points. */
  after?: number
}

/**
 * A small flowing-text writer over pdf-lib: paragraphs wrap at word boundaries and continue on
 * new pages. Enough for certificates and notebooks; no HTML or Markdown rendering.
 */
export class PdfWriter {
  private page!: PDFPage
  private y = 0

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage()
  }

  /** `date` becomes the file's creation date, so the same content always gives the same bytes. */
  static async create(title: string, author: string, date: Date): Promise<PdfWriter> {
    const doc = await PDFDocument.create()
    doc.registerFontkit(fontkit)
    const bytes = await loadFonts()
    const writer = new PdfWriter(doc, await doc.embedFont(bytes.regular, { subset: true }), await doc.embedFont(bytes.bold, { subset: true }))
    doc.setTitle(title)
    doc.setAuthor(author)
    doc.setCreator('Civic Learn')
    doc.setProducer('Civic Learn')
    doc.setCreationDate(date)
    doc.setModificationDate(date)
    return writer
  }

  get currentPage(): PDFPage {
    return this.page
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - MARGIN
  }

  space(points: number): void {
    this.y -= points
  }

  /** Places the cursor this far below the top of the page. */
  moveTo(fromTop: number): void {
    this.y = PAGE.height - fromTop
  }

  paragraph(text: string, style: TextStyle): void {
    const font = style.bold ? this.bold : this.regular
    const width = PAGE.width - 2 * MARGIN
    const lineHeight = style.size * 1.35
    for (const source of text.split('\n')) {
      for (const line of this.wrap(source, font, style.size, width)) {
        if (this.y - lineHeight < MARGIN) this.newPage()
        this.y -= lineHeight
        const x = style.centre ? (PAGE.width - font.widthOfTextAtSize(line, style.size)) / 2 : MARGIN
        this.page.drawText(line, { x, y: this.y, size: style.size, font, color: style.colour ?? rgb(0.1, 0.12, 0.14) })
      }
    }
    this.y -= style.after ?? 0
  }

  rule(colour: RGB): void {
    this.y -= 6
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE.width - MARGIN, y: this.y }, thickness: 1, color: colour })
    this.y -= 12
  }

  border(colour: RGB): void {
    this.page.drawRectangle({
      x: MARGIN / 2,
      y: MARGIN / 2,
      width: PAGE.width - MARGIN,
      height: PAGE.height - MARGIN,
      borderColor: colour,
      borderWidth: 3,
    })
  }

  /** Characters the font cannot draw (emoji, some scripts) become "?" rather than failing. */
  private printable(text: string, font: PDFFont): string {
    const supported = new Set(font.getCharacterSet())
    return [...text].map((char) => (supported.has(char.codePointAt(0) ?? 0) ? char : '?')).join('')
  }

  /** A word wider than the line (a long web address) is cut where it must be. */
  private split(word: string, font: PDFFont, size: number, width: number): string[] {
    if (font.widthOfTextAtSize(word, size) <= width) return [word]
    const pieces: string[] = []
    let piece = ''
    for (const char of word) {
      if (piece && font.widthOfTextAtSize(piece + char, size) > width) {
        pieces.push(piece)
        piece = ''
      }
      piece += char
    }
    return [...pieces, piece]
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const words = this.printable(text, font).split(/\s+/).filter(Boolean)
    if (words.length === 0) return ['']
    const lines: string[] = []
    let line = ''
    for (const word of words.flatMap((whole) => this.split(whole, font, size, width))) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
        line = candidate
      } else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
    return lines
  }

  /** A text entry of the PDF's document information (what a signed certificate keeps its signature in). */
  setInfo(key: string, text: string): void {
    writeDocumentInfo(this.doc, key, text)
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: true })
  }
}
