/** Reads back the text of a PDF the way a reader would, with pdf.js: pages joined, whitespace made single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let number = 1; number <= doc.numPages; number++) {
    const content = await (await doc.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages.join('\n').replace(/\s+/g, ' ')
}

/** How many pages a PDF has. */
export async function pdfPages(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return (await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise).numPages
}

/** An element of a tagged PDF's structure tree, as a screen reader meets it. */
export interface TaggedElement {
  role: string
  text: string
  lang?: string
  alt?: string
}

interface StructNode {
  role?: string
  lang?: string
  alt?: string
  type?: string
  id?: string
  children?: StructNode[]
}

/**
 * Reads a PDF as assistive technology does, with pdf.js: whether it is marked as tagged, its
 * language, its pages' sizes, each structure element in reading order with the text of the content
 * it points at, and any text drawn outside every element (which a screen reader would miss or read
 * out of order).
 */
export async function pdfTags(bytes: Uint8Array): Promise<{ marked: boolean; language: string | null; pageSizes: [number, number][]; elements: TaggedElement[]; untagged: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  const markInfo = await doc.getMarkInfo()
  const { info } = (await doc.getMetadata()) as { info: { Language?: string } }
  const elements: TaggedElement[] = []
  const pageSizes: [number, number][] = []
  let untagged = ''
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number)
    const [, , width, height] = page.view as [number, number, number, number]
    pageSizes.push([Math.round(width), Math.round(height)])
    const textById = new Map<string, string>()
    const open: (string | null)[] = []
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? null)
      else if (item.type === 'endMarkedContent') open.pop()
      else if (item.str) {
        const id = open.findLast((entry) => entry !== null)
        if (id) textById.set(id, `${textById.get(id) ?? ''} ${item.str}`)
        else untagged += item.str
      }
    }
    const walk = (node: StructNode) => {
      const contents = (node.children ?? []).filter((child) => child.type === 'content')
      if (node.role && contents.length > 0) {
        const text = contents.map((child) => textById.get(child.id ?? '') ?? '').join(' ').replace(/\s+/g, ' ').trim()
        elements.push({ role: node.role, text, ...(node.lang ? { lang: node.lang } : {}), ...(node.alt ? { alt: node.alt } : {}) })
      }
      for (const child of node.children ?? []) if (child.role) walk(child)
    }
    const tree = (await page.getStructTree()) as StructNode | null
    if (tree) walk(tree)
  }
  return { marked: markInfo?.Marked === true, language: info.Language ?? null, pageSizes, elements, untagged }
}
