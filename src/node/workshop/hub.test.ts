import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { CourseBundle } from '../../core/course/bundle'
import { SessionError, type ParticipantView } from '../../core/workshop/session'
import { loadCourseFolder } from '../course-loader'
import { type HubAction, WorkshopHub, WrongCredential } from './hub'

let course: CourseBundle

beforeAll(async () => {
  const { bundle } = await loadCourseFolder(path.resolve(__dirname, '../../../e2e/fixtures/courses/every-block'))
  if (!bundle) throw new Error('The every-block fixture did not load.')
  course = bundle
})

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

function started(): WorkshopHub {
  const hub = new WorkshopHub(() => new Date('2026-03-01T10:00:00.000Z'))
  hub.start({ course, moduleId: 'blocks', language: 'en', anonymous: false })
  return hub
}

function joined(hub: WorkshopHub, name: string): { token: string; id: string } {
  const { token } = hub.join({ secret: hub.joining!.secret }, name)
  const id = hub.participant(token)
  if (!id) throw new Error('The token names nobody.')
  return { token, id }
}

const poll: HubAction = { type: 'poll', spec: { kind: 'choice', prompt: 'Tea or coffee?', options: [{ id: 'tea', text: 'Tea' }, { id: 'coffee', text: 'Coffee' }], multiple: false } }

describe('WorkshopHub', () => {
  it('refuses a second session while one runs, and starts one once the first has ended', () => {
    const hub = started()
    const first = hub.view()!.id
    expect(() => hub.start({ course, moduleId: 'blocks', language: 'en', anonymous: false })).toThrow(SessionError)
    expect(hub.view()!.id).toBe(first)
    expect(hub.active).toBe(true)
    hub.end()
    expect(hub.active).toBe(false)
    expect(hub.joining).toBeNull()
    const second = hub.start({ course, moduleId: 'blocks', language: 'en', anonymous: false })
    expect(second.id).not.toBe(first)
    expect(hub.active).toBe(true)
  })

  it('joins by the secret or the code, and names a wrong one as a wrong credential', () => {
    const hub = started()
    const { secret, code } = hub.joining!
    expect(code).toMatch(/^\d{6}$/)
    expect(hub.participant(hub.join({ code }, 'Ana').token)).not.toBeNull()
    expect(hub.participant(hub.join({ secret }, 'Ben').token)).not.toBeNull()
    expect(() => hub.join({ secret: `${secret}x` }, 'Cai')).toThrow(WrongCredential)
    expect(() => hub.join({ code: code === '000000' ? '000001' : '000000' }, 'Cai')).toThrow(WrongCredential)
    expect(hub.view()!.participants.map((item) => item.name)).toEqual(['Ana', 'Ben'])
  })

  describe('watch', () => {
    it('answers at once when the presenter’s revision is stale or unknown', async () => {
      const hub = started()
      const { revision } = hub.view()!
      hub.trainer(poll)
      // With the clock stopped, an answer that waited for its timer would never come.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      try {
        await expect(hub.watch(revision, 30_000)).resolves.toMatchObject({ revision: revision + 1 })
        await expect(hub.watch(null, 30_000)).resolves.toMatchObject({ revision: revision + 1 })
      } finally {
        vi.useRealTimers()
      }
    })

    it('waits for a change and answers with it', async () => {
      const hub = started()
      const { revision } = hub.view()!
      let answered = false
      const watching = hub.watch(revision, 30_000).then((view) => {
        answered = true
        return view
      })
      await tick()
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(answered).toBe(false)
      hub.trainer(poll)
      const view = await watching
      expect(view!.revision).toBe(revision + 1)
      expect(view!.activity?.prompt).toBe('Tea or coffee?')
    })

    it('answers with the same view after waitMs when nothing changed', async () => {
      const hub = started()
      const before = hub.view()!
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      try {
        let answered = false
        const watching = hub.watch(before.revision, 60).then((view) => {
          answered = true
          return view
        })
        await vi.advanceTimersByTimeAsync(59)
        expect(answered).toBe(false)
        await vi.advanceTimersByTimeAsync(1)
        expect(await watching).toEqual(before)
      } finally {
        vi.useRealTimers()
      }
    })
  })

  describe('phones', () => {
    it('sends each subscriber one view per burst of changes, with its own answer', async () => {
      const hub = started()
      hub.trainer(poll)
      const people = ['Ana', 'Ben', 'Cai'].map((name) => joined(hub, name))
      const views = new Map<string, ParticipantView[]>()
      for (const person of people) {
        views.set(person.id, [])
        hub.subscribe(person.id, (view) => views.get(person.id)!.push(view))
      }
      await tick()
      for (const person of people) expect(views.get(person.id)).toHaveLength(1)
      // Three answers arriving together, and a trainer's action in the same tick: one round of views.
      const [ana, ben, cai] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
      const activityId = hub.view()!.activity!.id
      hub.participantAction(ana.id, { type: 'choose', activityId, optionIds: ['tea'] })
      hub.participantAction(ben.id, { type: 'choose', activityId, optionIds: ['coffee'] })
      hub.participantAction(cai.id, { type: 'choose', activityId, optionIds: ['tea'] })
      hub.trainer({ type: 'close' })
      await tick()
      await tick()
      for (const person of people) expect(views.get(person.id)).toHaveLength(2)
      const last = (id: string) => views.get(id)!.at(-1)!
      expect(last(ana.id)).toMatchObject({ name: 'Ana', revision: hub.view()!.revision, activity: { id: activityId, phase: 'closed', mine: ['tea'] } })
      expect(last(ben.id)).toMatchObject({ name: 'Ben', activity: { mine: ['coffee'] } })
      expect(hub.view()!.activity!.liveResults).toEqual({ counts: { tea: 2, coffee: 1 }, answers: 3 })
    })

    it('keeps a participant connected while one of their two tabs is still open', async () => {
      const hub = started()
      const { id } = joined(hub, 'Ana')
      const connected = () => hub.view()!.participants.find((item) => item.id === id)!.connected
      const first: ParticipantView[] = []
      const second: ParticipantView[] = []
      const leaveFirst = hub.subscribe(id, (view) => first.push(view))
      const leaveSecond = hub.subscribe(id, (view) => second.push(view))
      await tick()
      expect(first).toHaveLength(1)
      expect(second).toHaveLength(1)
      leaveFirst()
      expect(connected()).toBe(true)
      hub.trainer(poll)
      await tick()
      expect(first).toHaveLength(1)
      expect(second).toHaveLength(2)
      leaveSecond()
      expect(connected()).toBe(false)
      // Coming back: connected again.
      hub.subscribe(id, () => undefined)
      expect(connected()).toBe(true)
    })

    it('tells every phone the session ended, and takes no token from it afterwards', async () => {
      const hub = started()
      const { token, id } = joined(hub, 'Ana')
      const views: ParticipantView[] = []
      hub.subscribe(id, (view) => views.push(view))
      await tick()
      hub.end()
      await tick()
      expect(views.at(-1)).toMatchObject({ ended: true })
      expect(hub.participant(token)).toBeNull()
      expect(() => hub.join({ secret: 'anything' }, 'Ben')).toThrow(SessionError)
      // Nor in the next session.
      hub.start({ course, moduleId: 'blocks', language: 'en', anonymous: false })
      expect(hub.participant(token)).toBeNull()
      expect(() => hub.participantAction(id, { type: 'ask', text: 'Still here?' })).toThrow(SessionError)
    })
  })

  describe('course content', () => {
    it('puts the module’s quiz questions and scenario steps to the room', () => {
      const hub = started()
      expect(hub.items()).toEqual({
        questions: [
          { quizId: 'every-type-quiz', questionId: 'q-single', prompt: 'Which is a fruit?' },
          { quizId: 'every-type-quiz', questionId: 'q-multiple', prompt: 'Which are colours?' },
          { quizId: 'every-type-quiz', questionId: 'q-true-false', prompt: 'The sky is green.' },
        ],
        scenarios: [{ scenarioId: 'flood-rumour', title: 'A rumour during a flood', start: 'post' }],
      })
      expect(hub.trainer({ type: 'question', quizId: 'every-type-quiz', questionId: 'q-multiple' }).activity).toMatchObject({ multiple: true, source: { type: 'quiz', questionId: 'q-multiple' } })
      expect(hub.trainer({ type: 'question', quizId: 'every-type-quiz', questionId: 'q-true-false' }).activity).toMatchObject({ multiple: false, options: [{ text: 'True' }, { text: 'False' }] })
      expect(() => hub.trainer({ type: 'question', quizId: 'every-type-quiz', questionId: 'q-ordering' })).toThrow(SessionError)
    })

    it('follows the room’s choice to the step it leads to', () => {
      const hub = started()
      const step = hub.trainer({ type: 'step', scenarioId: 'flood-rumour', stepId: 'post' }).activity!
      // Nobody voted yet: there is no choice to follow.
      expect(() => hub.trainer({ type: 'follow' })).toThrow(SessionError)
      const { id } = joined(hub, 'Ana')
      // "Share it at once." leads to the correction step.
      const share = step.options.find((option) => option.text === 'Share it at once.')!
      hub.participantAction(id, { type: 'choose', activityId: step.id, optionIds: [share.id] })
      hub.trainer({ type: 'explain' })
      const next = hub.trainer({ type: 'follow' }).activity!
      expect(next.id).not.toBe(step.id)
      expect(next).toMatchObject({ prompt: 'People ask where you heard it.', phase: 'open', source: { type: 'scenario', scenarioId: 'flood-rumour', stepId: 'correction' } })
    })

    it('refuses to follow a choice that ends the scenario, leaving the step on the screen', () => {
      const hub = started()
      const step = hub.trainer({ type: 'step', scenarioId: 'flood-rumour', stepId: 'post' }).activity!
      const check = step.options.find((option) => option.text.startsWith('Check with the council'))!
      hub.trainer({ type: 'count', optionId: check.id, count: 4 })
      const before = hub.view()!
      expect(() => hub.trainer({ type: 'follow' })).toThrow(/ends the scenario/)
      expect(hub.view()).toEqual(before)
    })

    it('refuses to follow when what is on the screen is not a scenario step', () => {
      const hub = started()
      expect(() => hub.trainer({ type: 'follow' })).toThrow(SessionError)
      hub.trainer(poll)
      hub.trainer({ type: 'count', optionId: 'tea', count: 1 })
      expect(() => hub.trainer({ type: 'follow' })).toThrow(SessionError)
    })
  })
})
