import { describe, expect, it } from 'vitest'
import { LEARNER_RECORD_FORMAT, readLearnerRecord } from './learner-record'
import { emptyProgress } from './schema'

const good = {
  format: LEARNER_RECORD_FORMAT,
  schemaVersion: 1,
  exportedAt: '2026-11-21T10:00:00.000Z',
  appVersion: '0.1.0',
  learner: { name: 'Priya Sandhu' },
  progress: { demo: { ...emptyProgress('demo', '1.0.0'), pages: { p1: { viewedAt: '2026-11-21T09:00:00.000Z', seconds: 30 } } } },
}

describe('readLearnerRecord', () => {
  it('reads a record', () => {
    const reading = readLearnerRecord(JSON.stringify(good))
    expect(reading).toMatchObject({ ok: true, record: { learner: { name: 'Priya Sandhu' } } })
  })

  it.each([
    ['not JSON', 'hello', 'it is not JSON'],
    ['another format', JSON.stringify({ ...good, format: 'something-else' }), 'not a Civic Learn learner record'],
    ['a newer version', JSON.stringify({ ...good, schemaVersion: 2 }), 'newer version of Civic Learn'],
    ['an unknown key', JSON.stringify({ ...good, admin: true }), 'damaged or has been changed'],
    ['progress under another course id', JSON.stringify({ ...good, progress: { other: good.progress.demo } }), 'must name the same course'],
    ['a hostile course id', JSON.stringify({ ...good, progress: { '../../etc': good.progress.demo } }), 'damaged'],
    ['a huge file', ' '.repeat(2 * 1024 * 1024), 'too large'],
    ['JSON null', 'null', 'not a Civic Learn learner record'],
  ])('refuses %s with a reason', (_label, text, reason) => {
    const reading = readLearnerRecord(text)
    expect(reading.ok).toBe(false)
    if (!reading.ok) expect(reading.reason).toContain(reason)
  })
})
