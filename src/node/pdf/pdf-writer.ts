import { readFile } from 'node:fs/promises'
import fontkit from '@pdf-lib/fontkit'
import {
  endMarkedContent,
  type PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFString,
  rgb,
  type PDFFont,
  type PDFPage,
  type PDFRef,
  type RGB,
} from 'pdf-lib'
import type { Language } from '../../core/api/contract'

/** The language tag each of the app's languages is written as in a PDF. */
export const PDF_LANGUAGE = { en: 'en-GB', cy: 'cy' } as const satisfies Record<Language, string>

/** A4 in points, upright. */
const A4 = { width: 595.28, height: 841.89 }
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
  /** What the paragraph is to a screen reader: a heading of a level, or a paragraph (the default). */
  role?: 'H1' | 'H2' | 'H3' | 'P'
  /** The paragraph's language, where it is not the document's (the English lines of a bilingual certificate). */
  lang?: string
}

export interface DocumentOptions {
  title: string
  author: string
  /** Becomes the file's creation date, so the same content always gives the same bytes. */
  date: Date
  /** The document's language, as a BCP 47 tag ("en-GB", "cy"), for screen readers. */
  language: string
  /** A4 on its side (a certificate), instead of upright. */
  landscape?: boolean
}

/** One element of the structure tree a screen reader reads: its role, and where its content is drawn. */
interface Tag {
  role: string
  lang?: string
  alt?: string
  marks: { page: PDFPage; id: number }[]
}

/**
 * A small flowing-text writer over pdf-lib: paragraphs wrap at word boundaries and continue on
 * new pages. Enough for certificates and notebooks; no HTML or Markdown rendering.
 *
 * Every PDF it writes is tagged for screen readers (PDF/UA's model): each paragraph, heading and
 * image is an element of the document's structure tree, in reading order, pointing at the content
 * drawn for it (marked content); borders and rules are marked as artifacts, which readers skip;
 * the document names its language and shows its title.
 */
export class PdfWriter {
  private page!: PDFPage
  private y = 0
  private readonly size: { width: number; height: number }
  private readonly tags: Tag[] = []
  /** For each page, the tags of its marked content, by marked-content id. */
  private readonly marks = new Map<PDFPage, Tag[]>()

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    landscape: boolean,
  ) {
    this.size = landscape ? { width: A4.height, height: A4.width } : A4
    this.newPage()
  }

  static async create(options: DocumentOptions): Promise<PdfWriter> {
    const doc = await PDFDocument.create()
    doc.registerFontkit(fontkit)
    const bytes = await loadFonts()
    const writer = new PdfWriter(doc, await doc.embedFont(bytes.regular, { subset: true }), await doc.embedFont(bytes.bold, { subset: true }), options.landscape ?? false)
    doc.setTitle(options.title, { showInWindowTitleBar: true })
    doc.setAuthor(options.author)
    doc.setLanguage(options.language)
    doc.setCreator('Civic Learn')
    doc.setProducer('Civic Learn')
    doc.setCreationDate(options.date)
    doc.setModificationDate(options.date)
    return writer
  }

  /** The page's width in points. */
  get width(): number {
    return this.size.width
  }

  get currentPage(): PDFPage {
    return this.page
  }

  newPage(): void {
    this.page = this.doc.addPage([this.size.width, this.size.height])
    this.y = this.size.height - MARGIN
  }

  space(points: number): void {
    this.y -= points
  }

  /** Places the cursor this far below the top of the page. */
  moveTo(fromTop: number): void {
    this.y = this.size.height - fromTop
  }

  paragraph(text: string, style: TextStyle): void {
    const font = style.bold ? this.bold : this.regular
    const width = this.size.width - 2 * MARGIN
    const lineHeight = style.size * 1.35
    const tag = this.tag(style.role ?? 'P', style.lang === undefined ? {} : { lang: style.lang })
    let marked: PDFPage | null = null
    for (const source of text.split('\n')) {
      for (const line of this.wrap(source, font, style.size, width)) {
        if (this.y - lineHeight < MARGIN) {
          if (marked) this.page.pushOperators(endMarkedContent())
          marked = null
          this.newPage()
        }
        if (marked !== this.page) {
          this.beginMark(tag)
          marked = this.page
        }
        this.y -= lineHeight
        const x = style.centre ? (this.size.width - font.widthOfTextAtSize(line, style.size)) / 2 : MARGIN
        this.page.drawText(line, { x, y: this.y, size: style.size, font, color: style.colour ?? rgb(0.1, 0.12, 0.14) })
      }
    }
    if (marked) this.page.pushOperators(endMarkedContent())
    this.y -= style.after ?? 0
  }

  /**
   * A PNG or JPEG image, centred, scaled to fit `height` points high (and the line's width); it is a
   * figure with `alt` as its text, or an artifact when `alt` is null (decorative).
   */
  async image(bytes: Uint8Array, type: 'png' | 'jpeg', height: number, alt: string | null, after = 0): Promise<void> {
    const image = type === 'png' ? await this.doc.embedPng(bytes) : await this.doc.embedJpg(bytes)
    const scale = Math.min(height / image.height, (this.size.width - 2 * MARGIN) / image.width)
    const size = { width: image.width * scale, height: image.height * scale }
    if (this.y - size.height < MARGIN) this.newPage()
    this.y -= size.height
    const draw = () => this.page.drawImage(image, { x: (this.size.width - size.width) / 2, y: this.y, ...size })
    if (alt === null) this.artifact(draw)
    else {
      this.beginMark(this.tag('Figure', { alt }))
      draw()
      this.page.pushOperators(endMarkedContent())
    }
    this.y -= after
  }

  rule(colour: RGB): void {
    this.y -= 6
    this.artifact(() => this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: this.size.width - MARGIN, y: this.y }, thickness: 1, color: colour }))
    this.y -= 12
  }

  border(colour: RGB): void {
    const { width, height } = this.size
    this.artifact(() => {
      this.page.drawRectangle({ x: MARGIN / 2, y: MARGIN / 2, width: width - MARGIN, height: height - MARGIN, borderColor: colour, borderWidth: 3 })
      this.page.drawRectangle({ x: MARGIN / 2 + 7, y: MARGIN / 2 + 7, width: width - MARGIN - 14, height: height - MARGIN - 14, borderColor: colour, borderWidth: 0.75 })
    })
  }

  /** A new element of the structure tree, after those before it in reading order. */
  private tag(role: string, details: { lang?: string; alt?: string }): Tag {
    const tag: Tag = { role, ...details, marks: [] }
    this.tags.push(tag)
    return tag
  }

  /** Starts the current page's next marked content, as part of `tag`. */
  private beginMark(tag: Tag): void {
    const onPage = this.marks.get(this.page) ?? []
    this.marks.set(this.page, onPage)
    const id = onPage.push(tag) - 1
    tag.marks.push({ page: this.page, id })
    this.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(tag.role), `<</MCID ${id}>>`]))
  }

  /** Draws something a screen reader should skip: a border, a rule, a decorative picture. */
  private artifact(draw: () => void): void {
    this.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]))
    draw()
    this.page.pushOperators(endMarkedContent())
  }

  /** Writes the structure tree: the document's elements in order, each page's parent tree, and the catalogue's marks. */
  private writeStructure(): void {
    const { context, catalog } = this.doc
    const root = context.nextRef()
    const document = context.nextRef()
    const refs = new Map<Tag, PDFRef>(this.tags.map((tag) => [tag, context.nextRef()]))
    for (const [tag, ref] of refs) {
      const element = context.obj({
        Type: 'StructElem',
        S: tag.role,
        P: document,
        K: tag.marks.map((mark) => context.obj({ Type: 'MCR', Pg: mark.page.ref, MCID: mark.id })),
      })
      if (tag.lang !== undefined) element.set(PDFName.of('Lang'), PDFString.of(tag.lang))
      if (tag.alt !== undefined) element.set(PDFName.of('Alt'), PDFHexString.fromText(tag.alt))
      context.assign(ref, element)
    }
    context.assign(document, context.obj({ Type: 'StructElem', S: 'Document', P: root, K: [...refs.values()] }))
    const numbers: (PDFNumber | PDFArray)[] = []
    this.doc.getPages().forEach((page, index) => {
      const onPage = this.marks.get(page) ?? []
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(index))
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
      numbers.push(PDFNumber.of(index), context.obj(onPage.map((tag) => refs.get(tag) as PDFRef)))
    })
    context.assign(root, context.obj({ Type: 'StructTreeRoot', K: document, ParentTree: context.obj({ Nums: numbers }), ParentTreeNextKey: numbers.length / 2 }))
    catalog.set(PDFName.of('StructTreeRoot'), root)
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }))
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
    this.writeStructure()
    return this.doc.save({ useObjectStreams: true })
  }
}
