import { fillPlaceholders } from '../core/i18n/translate'
import { sayRefusal } from '../core/workshop/refusals'

/**
 * The participant page's words, English and Welsh. The page is small on purpose (phones on a
 * village hall's Wi-Fi), so it carries its strings as plain objects rather than vue-i18n.
 */
export const MESSAGES = {
  en: {
    title: 'Civic Learn workshop',
    language: 'Cymraeg',
    languageLabel: 'Cymraeg: newid i’r Gymraeg',
    joinHeading: 'Join the session',
    joinIntro: 'Answer the trainer’s questions from this phone. Your answers are anonymous unless the trainer says otherwise.',
    name: 'Your name (as others will see it)',
    joinAs: 'Join as',
    joinAsName: 'A name I choose',
    joinAsLearner: 'A learner on this computer',
    learner: 'Learner',
    code: 'Session code (on the screen at the front)',
    join: 'Join',
    joining: 'Joining…',
    wrongCode: 'That code is not right. Check the code on the screen and try again.',
    wrongLink: 'This link is for another session. Scan the code on the screen again, or type the address and the session code.',
    tooMany: 'Too many wrong codes. Try again in {seconds} seconds.',
    refused: 'You could not join: {message}',
    noServer: 'The trainer’s computer did not answer. Check you are on the same Wi-Fi as the trainer, then try again.',
    badRequest: 'Fill in your name and the session code.',
    connected: 'Connected as {name}.',
    reconnecting: 'Connection lost. Reconnecting…',
    ended: 'The session has ended. Thank you for taking part.',
    notInSession: 'This phone is no longer in the session. Join again.',
    waiting: 'Follow the screen at the front. Questions for the room will appear here.',
    question: 'Question for the room',
    chooseOne: 'Choose one answer.',
    chooseMany: 'Choose all that apply.',
    send: 'Send answer',
    change: 'Change answer',
    sent: 'Your answer is in. You can change it while the question is open.',
    closed: 'Answers are closed.',
    wordsLabel: 'Your word or short phrase',
    openLabel: 'Your answer',
    pendingText: 'The trainer will check your answer before anything is shown on the screen.',
    results: 'What the room answered',
    answersCount: '{count} answered',
    optionResult: '{option}: {count} ({percent}%)',
    right: 'Right answer',
    yours: 'Your answer',
    explanation: 'Why',
    qaHeading: 'Questions from the room',
    ask: 'Ask the trainer a question',
    askButton: 'Send question',
    askSent: 'Sent. The trainer will check it before others see it.',
    askWaiting: 'Questions of yours waiting for the trainer: {count}',
    noQuestions: 'No questions yet.',
    upvote: 'Vote for this question',
    votes: '{count} votes',
    yourQuestion: 'Your question',
    answeredQuestion: 'Answered',
    onScreen: 'On the screen now',
    onScreenPage: 'On the screen at the front',
    error: 'That did not go through: {message}',
    connectionLost: 'the connection to the room was lost. Try again in a moment.',
    tooFast: 'Slow down a little, then try again.',
  },
  cy: {
    title: 'Gweithdy Civic Learn',
    language: 'English',
    languageLabel: 'English: change to English',
    joinHeading: 'Ymuno â’r sesiwn',
    joinIntro: 'Atebwch gwestiynau’r hyfforddwr o’r ffôn hwn. Mae eich atebion yn ddienw oni bai bod yr hyfforddwr yn dweud yn wahanol.',
    name: 'Eich enw (fel y bydd eraill yn ei weld)',
    joinAs: 'Ymuno fel',
    joinAsName: 'Enw rydw i’n ei ddewis',
    joinAsLearner: 'Dysgwr ar y cyfrifiadur hwn',
    learner: 'Dysgwr',
    code: 'Cod y sesiwn (ar y sgrin yn y blaen)',
    join: 'Ymuno',
    joining: 'Yn ymuno…',
    wrongCode: 'Nid yw’r cod hwnnw’n gywir. Gwiriwch y cod ar y sgrin a rhowch gynnig arall arni.',
    wrongLink: 'Mae’r ddolen hon ar gyfer sesiwn arall. Sganiwch y cod ar y sgrin eto, neu teipiwch y cyfeiriad a chod y sesiwn.',
    tooMany: 'Gormod o godau anghywir. Rhowch gynnig arall arni ymhen {seconds} eiliad.',
    refused: 'Nid oedd modd i chi ymuno: {message}',
    noServer: 'Ni atebodd cyfrifiadur yr hyfforddwr. Gwiriwch eich bod ar yr un Wi-Fi â’r hyfforddwr, yna rhowch gynnig arall arni.',
    badRequest: 'Rhowch eich enw a chod y sesiwn.',
    connected: 'Wedi cysylltu fel {name}.',
    reconnecting: 'Collwyd y cysylltiad. Yn ailgysylltu…',
    ended: 'Mae’r sesiwn wedi dod i ben. Diolch am gymryd rhan.',
    notInSession: 'Nid yw’r ffôn hwn yn y sesiwn mwyach. Ymunwch eto.',
    waiting: 'Dilynwch y sgrin yn y blaen. Bydd cwestiynau i’r ystafell yn ymddangos yma.',
    question: 'Cwestiwn i’r ystafell',
    chooseOne: 'Dewiswch un ateb.',
    chooseMany: 'Dewiswch bob un sy’n berthnasol.',
    send: 'Anfon ateb',
    change: 'Newid ateb',
    sent: 'Mae eich ateb wedi’i gyflwyno. Gallwch ei newid tra bo’r cwestiwn ar agor.',
    closed: 'Mae’r atebion ar gau.',
    wordsLabel: 'Eich gair neu ymadrodd byr',
    openLabel: 'Eich ateb',
    pendingText: 'Bydd yr hyfforddwr yn gwirio eich ateb cyn i ddim gael ei ddangos ar y sgrin.',
    results: 'Beth atebodd yr ystafell',
    answersCount: '{count} wedi ateb',
    optionResult: '{option}: {count} ({percent}%)',
    right: 'Yr ateb cywir',
    yours: 'Eich ateb',
    explanation: 'Pam',
    qaHeading: 'Cwestiynau o’r ystafell',
    ask: 'Gofyn cwestiwn i’r hyfforddwr',
    askButton: 'Anfon cwestiwn',
    askSent: 'Wedi’i anfon. Bydd yr hyfforddwr yn ei wirio cyn i eraill ei weld.',
    askWaiting: 'Eich cwestiynau sy’n aros am yr hyfforddwr: {count}',
    noQuestions: 'Dim cwestiynau eto.',
    upvote: 'Pleidleisio dros y cwestiwn hwn',
    votes: '{count} pleidlais',
    yourQuestion: 'Eich cwestiwn',
    answeredQuestion: 'Wedi’i ateb',
    onScreen: 'Ar y sgrin nawr',
    onScreenPage: 'Ar y sgrin yn y blaen',
    error: 'Ni aeth hynny drwodd: {message}',
    connectionLost: 'collwyd y cysylltiad â’r ystafell. Rhowch gynnig arall arni mewn munud.',
    tooFast: 'Arafwch ychydig, yna rhowch gynnig arall arni.',
  },
} as const

export type ParticipantLanguage = keyof typeof MESSAGES
export type MessageKey = keyof (typeof MESSAGES)['en']

/**
 * Why the host refused, in the phone's language (the refusal catalogue, src/core/workshop/refusals.ts),
 * begun in lower case to follow "That did not go through:": by its refusal code where it sent a
 * known one, with only the numbers it sent filled in; else the host's own (English) words.
 */
export function refusalText(language: ParticipantLanguage, refusal: unknown, hostMessage: string): string {
  const text = sayRefusal(language, refusal)
  return text === null ? hostMessage : text.charAt(0).toLocaleLowerCase(language) + text.slice(1)
}

/** A message with its {placeholders} filled in. */
export function message(language: ParticipantLanguage, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(MESSAGES[language][key], values)
}
