import { describe, expect, it } from 'vitest'
import { pdfPages, pdfText } from '../../../test/support/pdf-text'
import { sessionRecord } from '../../core/workshop/record'
import { applyParticipant, applyTrainer, createSession, join, type ActivitySpec, type Session } from '../../core/workshop/session'
import { sessionPdf } from '../pdf/session'
import { sessionCsv } from './record-files'

const AT = '2026-12-05T10:00:00.000Z'
const poll: ActivitySpec = { kind: 'choice', prompt: 'Tea or coffee?', options: [{ id: 't', text: 'Tea' }, { id: 'c', text: 'Coffee' }], multiple: false, correct: ['t'], explanation: '', feedback: {}, source: { type: 'quiz', quizId: 'q', questionId: 'x' } }
const words: ActivitySpec = { kind: 'words', prompt: 'One word?', options: [], multiple: false, correct: [], explanation: '', feedback: {}, source: { type: 'poll' } }

/** A session where two people answer a quiz question and a word cloud (one word rejected), and one asks a question. */
function played(anonymous: boolean): Session {
  let session = createSession({ id: 's', courseId: 'c', moduleId: 'm', anonymous, at: AT })
  session = join(session, 'p1', 'Ann Jones', AT)
  session = join(session, 'p2', '=HYPERLINK("http://example.invalid")', AT)
  session = applyTrainer(session, { type: 'put', spec: poll }, AT)
  session = applyParticipant(session, 'p1', { type: 'choose', activityId: 'a1', optionIds: ['t'] })
  session = applyParticipant(session, 'p2', { type: 'choose', activityId: 'a1', optionIds: ['c'] })
  session = applyTrainer(session, { type: 'put', spec: words }, AT)
  session = applyParticipant(session, 'p1', { type: 'write', activityId: 'a2', text: 'Busy' })
  session = applyParticipant(session, 'p2', { type: 'write', activityId: 'a2', text: 'Awful words' })
  session = applyTrainer(session, { type: 'moderate', textId: 't3', status: 'approved' }, AT)
  session = applyTrainer(session, { type: 'moderate', textId: 't4', status: 'rejected' }, AT)
  session = applyParticipant(session, 'p1', { type: 'ask', text: 'Can I block someone?' })
  session = applyParticipant(session, 'p2', { type: 'ask', text: 'A question never approved' })
  return applyTrainer(session, { type: 'moderateQuestion', questionId: 'q5', status: 'approved' }, AT)
}

const heading = { courseTitle: 'Social media', moduleTitle: 'Listening' }

describe('the session record', () => {
  it('keeps results, approved text and approved questions; names only in a named session, made safe for spreadsheets', () => {
    const named = sessionCsv(sessionRecord(played(false), ['Why listen'], ['Huw Evans']), heading, 'en')
    const lines = named.trim().split('\n')
    expect(lines[0]).toBe('Section,Time,Kind,Question,Answers,Option or answer,Count,Right answer,Name')
    expect(named).toMatch(/^Page covered,[^,]*,,Listening: Why listen,/m)
    expect(named).toMatch(/^Attended,[^,]*,,,,,,,Huw Evans$/m)
    expect(named).toMatch(/quiz question \(choice\),Tea or coffee\?,2,Tea,1,yes,$/m)
    // A name that would run as a formula in a spreadsheet is written as text.
    expect(named).toMatch(/Tea or coffee\?,2,Coffee,,,"'=HYPERLINK\(""http:\/\/example\.invalid""\)"$/m)
    expect(named).toContain('One word?,1,Busy,1,,')
    expect(named).not.toContain('Awful words')
    expect(named).toMatch(/^Question from the room,,,Can I block someone\?,,,0,,Ann Jones$/m)
    expect(named).not.toContain('never approved')
    expect(lines.some((line) => /(^|,)"?[=+\-@]/.test(line))).toBe(false)

    const anonymous = sessionCsv(sessionRecord(played(true), []), heading, 'en')
    expect(anonymous).not.toContain('Ann')
    expect(anonymous).not.toContain('HYPERLINK')
    expect(anonymous).toContain('Tea or coffee?,2,Tea,1,yes,')
  })

  it('writes the headings in Welsh when the trainer works in Welsh', () => {
    expect(sessionCsv(sessionRecord(played(true), []), heading, 'cy').split('\n')[0]).toBe('Adran,Amser,Math,Cwestiwn,Atebion,Opsiwn neu ateb,Nifer,Ateb cywir,Enw')
  })

  it('sums a session up on one page, cutting long lists short and saying so', async () => {
    let session = played(false)
    for (let index = 0; index < 14; index++) session = applyTrainer(session, { type: 'put', spec: { ...poll, prompt: `Question ${index + 1}?` } }, AT)
    const bytes = await sessionPdf(sessionRecord(session, ['Why listen'], ['Huw Evans']), heading, 'en', { organisation: 'Example Council' }, new Date(AT))
    expect(await pdfPages(bytes)).toBe(1)
    const text = await pdfText(bytes)
    expect(text).toContain('Example Council Workshop session record')
    expect(text).toContain('Who joined: Ann Jones')
    expect(text).toContain('Attended (learners on this device): Huw Evans')
    expect(text).toContain('Tea or coffee? (answers: 2) Tea: 1 (right answer) · Coffee: 1')
    expect(text).toContain('Questions put to the room (16)')
    expect(text).toContain('…and 6 more: see the CSV file.')
    expect(text).toContain('Can I block someone? (votes: 0, Ann Jones)')
    const anonymous = await pdfText(await sessionPdf(sessionRecord(played(true), []), heading, 'en', {}, new Date(AT)))
    expect(anonymous).toContain('Answers were anonymous: no names are kept.')
    expect(anonymous).not.toContain('Ann')
  })
})
