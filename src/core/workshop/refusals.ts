import type { UiLanguage } from '../app-defaults'
import { fillPlaceholders } from '../i18n/translate'
import type { RefusalCode } from './session'

/**
 * Why the session refused what a participant or the trainer did, by refusal code, in each
 * language: the host's own (English) words for a refusal (`refused` in session.ts), what a phone
 * says in the language it reads (src/participant/messages.ts) and what the trainer's screen says
 * (src/renderer/composables/useWorkshop.ts) come from here, so they cannot drift apart.
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
    'too-many-activities': 'A session can put at most {max} questions to the room.',
    'count-out-of-range': 'A count is a whole number from 0 to 10,000.',
    'no-such-answer': 'There is no such answer.',
    'not-approved': 'Only an approved question can go on the screen.',
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
    'too-many-activities': 'Gall sesiwn ofyn hyd at {max} cwestiwn i’r ystafell.',
    'count-out-of-range': 'Rhaid i gyfrif fod yn rhif cyfan o 0 i 10,000.',
    'no-such-answer': 'Does dim ateb o’r fath.',
    'not-approved': 'Dim ond cwestiwn sydd wedi’i gymeradwyo all fynd ar y sgrin.',
  },
} as const satisfies Record<UiLanguage, Record<RefusalCode, string>>

/**
 * A refusal as the host sent it (`{ code, values }`, from the network, so checked here), said in
 * `language`: the catalogue's sentence with only the numbers sent filled in. Null for a code the
 * catalogue does not have, where the caller falls back to the host's own words.
 */
export function sayRefusal(language: UiLanguage, refusal: unknown): string | null {
  const { code, values } = (typeof refusal === 'object' && refusal !== null ? refusal : {}) as { code?: unknown; values?: unknown }
  const reasons: Readonly<Record<string, string>> = REFUSALS[language]
  if (typeof code !== 'string' || !Object.hasOwn(reasons, code)) return null
  const numbers = Object.fromEntries(Object.entries(typeof values === 'object' && values !== null ? values : {}).filter(([, value]) => typeof value === 'number')) as Record<string, number>
  return fillPlaceholders(reasons[code] as string, numbers)
}
