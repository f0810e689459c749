import { describe, expect, it } from 'vitest'
import { pdfTags } from '../../../test/support/pdf-text'
import { hexColour, PdfWriter } from './pdf-writer'

const options = { title: 'Notebook: Social media', author: 'Cllr Alys Morgan', date: new Date('2026-11-20T10:00:00.000Z'), language: 'en-GB' }

describe('PdfWriter', () => {
  it('tags every heading and paragraph for screen readers, in reading order, and marks rules as artifacts', async () => {
    const pdf = await PdfWriter.create(options)
    pdf.paragraph('Notebook', { size: 20, role: 'H1' })
    pdf.rule(hexColour('#00558c'))
    pdf.paragraph('Listening to residents', { size: 15, role: 'H2' })
    pdf.paragraph('Ask before you post.', { size: 11 })
    pdf.paragraph('Saved in English', { size: 9, lang: 'en-GB' })
    const tags = await pdfTags(await pdf.save())
    expect(tags).toMatchObject({ marked: true, language: 'en-GB', untagged: '', pageSizes: [[595, 842]] })
    expect(tags.elements).toEqual([
      { role: 'H1', text: 'Notebook' },
      { role: 'H2', text: 'Listening to residents' },
      { role: 'P', text: 'Ask before you post.' },
      { role: 'P', text: 'Saved in English', lang: 'en-GB' },
    ])
  })

  it('keeps a paragraph that runs on to the next page one element, read once on each page', async () => {
    const pdf = await PdfWriter.create(options)
    const long = Array.from({ length: 90 }, (_, line) => `Line ${line + 1} of a long reflection.`).join('\n')
    pdf.paragraph(long, { size: 11 })
    pdf.paragraph('After it', { size: 11 })
    const tags = await pdfTags(await pdf.save())
    expect(tags.pageSizes).toHaveLength(2)
    expect(tags.untagged).toBe('')
    // pdf.js reads the structure page by page: the paragraph's part on each page, then what follows it.
    expect(tags.elements.map((element) => element.role)).toEqual(['P', 'P', 'P'])
    expect(tags.elements[0]?.text).toMatch(/^Line 1 of .* Line \d+ of a long reflection\.$/)
    expect(`${tags.elements[0]?.text} ${tags.elements[1]?.text}`).toContain('Line 90 of a long reflection.')
    expect(tags.elements[2]?.text).toBe('After it')
  })

  it('turns a page on its side for a landscape document', async () => {
    const pdf = await PdfWriter.create({ ...options, landscape: true })
    pdf.paragraph('Certificate', { size: 20, role: 'H1' })
    expect((await pdfTags(await pdf.save())).pageSizes).toEqual([[842, 595]])
  })
})
