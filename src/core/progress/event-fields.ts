import { z } from 'zod'

/** A moment as events and stored progress carry it: ISO 8601 with its offset. */
export const Timestamp = z.iso.datetime({ offset: true })

/** An id an event names: of a page, a block, a quiz, a question, a step or a choice. */
export const EventId = z.string().min(1).max(120)
