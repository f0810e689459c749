import type { UiLanguage } from '../app-defaults'
import type { RefusalCode } from './session'

/**
 * Why the session refused what a participant did, by refusal code, in each language: the host's
 * own (English) words for a refusal (`refused` in session.ts) and what a phone says in the
 * language it reads (src/participant/messages.ts) come from here, so they cannot drift apart.
 */
export const REFUSALS = {
  en: {
    ended: 'The session has ended.',
    'join-first': 'Join the session first.',
    full: 'The session is full ({max} people).',
    'no-session': 'There is no session to join.',
    'nothing-asked': 'Nothing is being asked of the room.',
    'choose-one': 'Choose one option.',
    'choose-some': 'Choose at least one option.',
    'not-an-option': 'That is not an option of the question.',
    'no-written-answers': 'That question does not take written answers.',
    'too-many-questions': 'You can ask up to {max} questions in a session.',
    'no-such-question': 'There is no such question.',
    'no-longer-asked': 'That question is no longer being asked.',
    'does-not-fit': 'That answer does not fit the question.',
    closed: 'Answers to that question are closed.',
    'name-empty': 'The name is empty.',
    'name-too-long': 'The name is longer than {max} characters.',
    'answer-empty': 'The answer is empty.',
    'answer-too-long': 'The answer is longer than {max} characters.',
    'question-empty': 'The question is empty.',
    'question-too-long': 'The question is longer than {max} characters.',
  },
  cy: {
    ended: 'Mae’r sesiwn wedi dod i ben.',
    'join-first': 'Ymunwch â’r sesiwn yn gyntaf.',
    full: 'Mae’r sesiwn yn llawn ({max} o bobl).',
    'no-session': 'Does dim sesiwn i ymuno â hi.',
    'nothing-asked': 'Does dim byd yn cael ei ofyn i’r ystafell.',
    'choose-one': 'Dewiswch un opsiwn.',
    'choose-some': 'Dewiswch o leiaf un opsiwn.',
    'not-an-option': 'Nid yw hynny’n un o opsiynau’r cwestiwn.',
    'no-written-answers': 'Nid yw’r cwestiwn hwnnw’n derbyn atebion ysgrifenedig.',
    'too-many-questions': 'Gallwch ofyn hyd at {max} cwestiwn mewn sesiwn.',
    'no-such-question': 'Does dim cwestiwn o’r fath.',
    'no-longer-asked': 'Nid yw’r cwestiwn hwnnw’n cael ei ofyn bellach.',
    'does-not-fit': 'Nid yw’r ateb hwnnw’n addas i’r cwestiwn.',
    closed: 'Mae’r atebion i’r cwestiwn hwnnw wedi cau.',
    'name-empty': 'Mae’r enw’n wag.',
    'name-too-long': 'Mae’r enw’n hwy na {max} nod.',
    'answer-empty': 'Mae’r ateb yn wag.',
    'answer-too-long': 'Mae’r ateb yn hwy na {max} nod.',
    'question-empty': 'Mae’r cwestiwn yn wag.',
    'question-too-long': 'Mae’r cwestiwn yn hwy na {max} nod.',
  },
} as const satisfies Record<UiLanguage, Record<RefusalCode, string>>
