/**
 * The data model elements Civic Learn reads and writes, and SCORM's limits, by version: one home
 * for names the player, the strict LMS checks and the package preview all use. Kept free of the
 * course code so the strict LMS bundles small.
 */
export const CMI = {
  scorm12: {
    entry: 'cmi.core.entry',
    learnerName: 'cmi.core.student_name',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    interactionCount: 'cmi.interactions._count',
    /** 1.2 has one status for completion and success. */
    status: 'cmi.core.lesson_status',
    success: null,
    /** Where an LMS reads the learner's verdict, and the score it judges against the mastery score. */
    verdict: 'cmi.core.lesson_status',
    judgedScore: 'cmi.core.score.raw',
    scoreRaw: 'cmi.core.score.raw',
    scoreMax: 'cmi.core.score.max',
    /** Fields of cmi.interactions.n. */
    interactionResponse: 'student_response',
    interactionTime: 'time',
    /** The status the LMS holds before the first launch writes one. */
    notAttempted: { element: 'cmi.core.lesson_status', values: ['not attempted', ''] },
    /** Characters cmi.suspend_data may hold. */
    suspendLimit: 4096,
    /** The learner's comments: one string, written whole (src/core/scorm/comments.ts). */
    comments: 'cmi.comments',
    commentsLimit: 4096,
  },
  scorm2004: {
    entry: 'cmi.entry',
    learnerName: 'cmi.learner_name',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    interactionCount: 'cmi.interactions._count',
    status: 'cmi.completion_status',
    success: 'cmi.success_status',
    verdict: 'cmi.success_status',
    judgedScore: 'cmi.score.scaled',
    scoreRaw: 'cmi.score.raw',
    scoreMax: 'cmi.score.max',
    interactionResponse: 'learner_response',
    interactionTime: 'timestamp',
    notAttempted: { element: 'cmi.completion_status', values: ['not attempted', 'unknown', ''] },
    suspendLimit: 64000,
    /** The learner's comments: an entry each, `.n.comment`, `.n.location`, `.n.timestamp`. */
    comments: 'cmi.comments_from_learner',
    commentLimit: 4000,
    commentLocationLimit: 250,
  },
} as const
