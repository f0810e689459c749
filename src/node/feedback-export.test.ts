import { describe, expect, it } from 'vitest'
import type { FeedbackReport } from '../core/comments/feedback-report'
import { feedbackAnnotations, feedbackCsv } from './feedback-export'

const report: FeedbackReport = {
  comments: 2,
  duplicates: 0,
  authors: 2,
  courses: [
    {
      courseId: 'wards',
      title: 'Your ward online',
      language: 'en',
      pages: [
        {
          pageId: 'p1',
          title: 'Answering residents',
          moduleTitle: 'Listening',
          parts: [
            { blockId: null, quote: '', gone: false, counts: { question: 1, experience: 0, correction: 0, disagreement: 0 }, comments: [{ id: 'a', courseId: 'wards', pageId: 'p1', kind: 'question', text: '=HYPERLINK("http://evil")', language: 'en', createdAt: '2026-12-01T10:00:00.000Z', author: { unnamed: 1 } }] },
            {
              blockId: 'callout.1',
              quote: 'Take casework to email.',
              gone: false,
              counts: { question: 0, experience: 1, correction: 0, disagreement: 0 },
              comments: [{ id: 'b', courseId: 'wards', pageId: 'p1', blockId: 'callout.1', kind: 'experience', text: 'Ein ffurflen ni.', language: 'cy', createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z', author: { name: 'Cllr Rhys Evans' } }],
            },
          ],
        },
      ],
    },
  ],
}

describe('feedback report files', () => {
  it('as CSV: a row per comment with where it is, its kind and who wrote it, and no learner’s words as a formula', () => {
    const lines = feedbackCsv(report, 'en').replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(lines[0]).toBe('Course,Module,Page,Part of the page,Its words,Kind,Comment,Written in,From,Written')
    expect(lines[1]).toMatch(/^Your ward online,Listening,Answering residents,The page as a whole,,Question,"'=HYPERLINK\(""http:\/\/evil""\)",en,Learner 1 \(not named\),2026-12-01 \d\d:00$/)
    expect(lines[2]).toMatch(/^Your ward online,Listening,Answering residents,callout\.1,Take casework to email\.,Experience,Ein ffurflen ni\.,cy,Cllr Rhys Evans,2026-12-02/)
    expect(feedbackCsv(report, 'cy').split('\r\n')[0]).toContain('Cwrs,Modiwl,Tudalen')
  })

  it('as W3C Web Annotation JSON-LD: each comment an annotation on its page, narrowed by its block’s words', () => {
    const collection = feedbackAnnotations(report, 'en', new Date('2026-12-06T09:00:00.000Z')) as { '@context': string; type: string; total: number; first: { items: Record<string, unknown>[] } }
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 })
    expect(collection.first.items[1]).toEqual({
      type: 'Annotation',
      id: 'urn:civic-learn:comment:wards:b',
      motivation: 'commenting',
      created: '2026-12-01T10:00:00.000Z',
      modified: '2026-12-02T10:00:00.000Z',
      creator: { type: 'Person', name: 'Cllr Rhys Evans' },
      body: { type: 'TextualBody', value: 'Ein ffurflen ni.', format: 'text/plain', language: 'cy' },
      target: { source: 'urn:civic-learn:course:wards:page:p1', selector: { type: 'TextQuoteSelector', exact: 'Take casework to email.' } },
    })
    expect(collection.first.items[0]).toMatchObject({ motivation: 'questioning', creator: { name: 'Learner 1 (not named)' }, target: { source: 'urn:civic-learn:course:wards:page:p1' } })
    expect(collection.first.items[0]?.target).not.toHaveProperty('selector')
  })
})
