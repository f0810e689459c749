// Kept apart from the block's schemas, which would bring the validation library into the SCORM
// player, which only shows feeds.

/** A learner's own reply, as long as a real one is. */
export const MAX_OWN_REPLY = 2_000
