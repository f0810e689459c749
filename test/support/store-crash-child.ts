// Run by store-crash.test.ts: records events as fast as it can and prints "ack N" once every
// event up to N is on disk. The parent kills it with SIGKILL at a random moment.
import { DurableDocument } from '../../src/node/store/durable-document'
import { eventsSpec } from './events-spec'

async function main(dir: string): Promise<void> {
  const doc = await DurableDocument.open(dir, eventsSpec, { lock: true, debounceMs: 5, backupIntervalMs: 50 })
  let next = (doc.data.events.at(-1) ?? 0) + 1
  for (;;) {
    const batch = 1 + Math.floor(Math.random() * 20)
    for (let i = 0; i < batch; i++) {
      const event = next++
      doc.update((draft) => void draft.events.push(event))
    }
    await doc.flush()
    process.stdout.write(`ack ${next - 1}\n`)
  }
}

void main(process.argv[2] ?? '.')
