import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DurableDocument } from '../src/node/store/durable-document'
import { eventsSpec } from './support/events-spec'

const KILLS = 200
let work: string
let child: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-crash-'))
  child = path.join(work, 'child.cjs')
  // Bundled once so each of the 200 runs starts in milliseconds.
  await build({
    entryPoints: [path.join(__dirname, 'support/store-crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    logLevel: 'silent',
  })
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/**
 * Starts the child and, once it has acknowledged its first event, waits a random time and kills
 * it with SIGKILL; returns the last acknowledged event. Timing from the first acknowledgement, not
 * from the start, means every run is killed in the middle of work however slowly the machine
 * starts Node.
 */
function runAndKill(dataDir: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let acked = 0
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    const stuck = setTimeout(() => proc.kill('SIGKILL'), 30_000)
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) acked = Number(line.slice(4))
      timer ??= setTimeout(() => proc.kill('SIGKILL'), delayMs)
    })
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer)
      clearTimeout(stuck)
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself: ${stderr}`))
      else if (timer === undefined) reject(new Error(`child acknowledged nothing in 30 s: ${stderr}`))
      else resolve(acked)
    })
  })
}

describe('the store under SIGKILL', () => {
  it(
    `keeps the file readable and every acknowledged event through ${KILLS} kills`,
    async () => {
      const dataDir = path.join(work, 'data')
      let everAcked = 0
      for (let run = 0; run < KILLS; run++) {
        const acked = await runAndKill(dataDir, Math.floor(Math.random() * 100))
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
      expect(doc.notices).toEqual([])
      expect(doc.data.events.length).toBeGreaterThanOrEqual(everAcked)
      await doc.close()
      expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([])
      // The experiment really recorded in every run and killed in the middle of work.
      expect(everAcked).toBeGreaterThanOrEqual(KILLS)
    },
    180_000,
  )
})
