import { z } from 'zod'
import type { DocumentSpec } from '../../src/node/store/durable-document'

const EventsSchema = z.object({ schemaVersion: z.literal(1), events: z.array(z.number()) })

/** The document the crash test records into: a growing list of numbered events. */
export const eventsSpec: DocumentSpec<z.infer<typeof EventsSchema>> = {
  name: 'events',
  migrations: [],
  schema: EventsSchema,
  create: () => ({ schemaVersion: 1, events: [] }),
}
