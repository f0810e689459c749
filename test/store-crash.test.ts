import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DurableDocument } from '../src/node/store/durable-document'
import { bundleForNode } from './support/bundle-for-node'
import { eventsSpec } from './support/events-spec'

const KILLS = 40
let work: string
let child: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-crash-'))
  child = path.join(work, 'child.cjs')
  // Bundled once so each run starts in milliseconds.
  await bundleForNode(path.join(__dirname, 'support/store-crash-child.ts'), child)
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/**
 * Starts the child and, once it has acknowledged its first event, waits a random time and kills
 * it with SIGKILL; returns the last acknowledged event. Timing from the first acknowledgement, not
 * from the start, means every run is killed in the middle of work however slowly the machine
 * starts Node. Nothing else is timed: a child that never acknowledges is a failure the test's own
 * timeout reports, and `signal` (aborted by that timeout) kills it so that it cannot outlive the
 * test and write into a folder being removed.
 */
async function runAndKill(dataDir: string, delayMs: number, signal: AbortSignal): Promise<number> {
  signal.throwIfAborted()
  const proc = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' })
  let acked = 0
  let buffer = ''
  let stderr = ''
  let timer: NodeJS.Timeout | undefined
  try {
    const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
      proc.on('exit', (_code, exitSignal) => resolve(exitSignal))
      proc.on('error', (error) => (signal.aborted ? undefined : reject(error)))
    })
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) acked = Number(line.slice(4))
      timer ??= setTimeout(() => proc.kill('SIGKILL'), delayMs)
    })
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    if ((await exited) !== 'SIGKILL') throw new Error(`child exited by itself: ${stderr}`)
    signal.throwIfAborted()
    return acked
  } finally {
    clearTimeout(timer)
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
  }
}

describe('the store under SIGKILL', () => {
  // Bounded by the number of kills, not by time: on a loaded machine each run only takes longer.
  // The timeout is a guard against a hang, sized for a 2-core machine under full load.
  it(`keeps the file readable and every acknowledged event through ${KILLS} kills`, { timeout: 900_000 }, async ({ signal }) => {
    const dataDir = path.join(work, 'data')
    let everAcked = 0
    for (let run = 0; run < KILLS; run++) {
      const acked = await runAndKill(dataDir, Math.floor(Math.random() * 100), signal)
      everAcked = Math.max(everAcked, acked)
      // Read the file exactly as it is on disk: no recovery may be needed.
      const doc = JSON.parse(await readFile(path.join(dataDir, 'events.json'), 'utf8').catch(() => '{"events":[]}'))
      const events: number[] = doc.events
      expect(events.length).toBeGreaterThanOrEqual(everAcked)
      expect(events.slice(0, everAcked)).toEqual(Array.from({ length: everAcked }, (_, i) => i + 1))
    }
    expect((await readdir(dataDir)).filter((name) => name.includes('.damaged-'))).toEqual([])
    // The next start takes over the dead process's lock and clears its interrupted writes.
    const doc = await DurableDocument.open(dataDir, eventsSpec, { lock: true })
    try {
      expect(doc.notices).toEqual([])
      expect(doc.data.events.length).toBeGreaterThanOrEqual(everAcked)
    } finally {
      await doc.close()
    }
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([])
    // The experiment really recorded in every run and killed in the middle of work.
    expect(everAcked).toBeGreaterThanOrEqual(KILLS)
  })
})
