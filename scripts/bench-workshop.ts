import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { WebSocket } from 'ws'
import type { WorkshopStatus } from '../src/core/api/workshop-schemas'
import { callApi, processRssMb, startHost } from './bench-host'
import { percentile, procCpuMs } from './bench-stats'

/**
 * `npm run bench`, workshop part: one live session on the built web host with 60 phones joined
 * over the room server (a second loopback address, 127.0.0.2, stands in for the room's Wi-Fi).
 * Each phone answers a poll and changes its answer a few times, at random moments, while the
 * trainer's screen long-polls `workshop.status` as the app does. Latency is from a phone sending
 * an answer to the trainer's screen holding it (the session is named, so each answer is seen).
 * Reported beside a no-op API call's round trip in the same run, with the host's CPU time and
 * memory growth for the session (Linux /proc), and the participant page's size.
 * Targets (issue 17): answer-to-presenter p95 ≤ 100 ms; participant page JS+CSS ≤ 60 KB gzipped.
 */
const PHONES = 60
const ANSWERS_EACH = 5
const SPREAD_MS = 8000
const ROOM = '127.0.0.2'
const ROOT = path.resolve(__dirname, '..')

interface Phone {
  name: string
  socket: WebSocket
}

async function parsed<T>(answer: Promise<{ status: number; body: string }>): Promise<T> {
  const { status, body } = await answer
  const result = JSON.parse(body) as { ok: boolean; value?: T; error?: { message: string } }
  if (!result.ok || result.value === undefined) throw new Error(`API call failed (${status}): ${result.error?.message ?? body}`)
  return result.value
}

async function participantPageBytes(): Promise<{ files: number; gzipped: number }> {
  const dir = path.join(ROOT, 'out/participant/assets')
  const files = (await readdir(dir)).filter((file) => /\.(js|css)$/.test(file))
  let gzipped = 0
  for (const file of files) gzipped += gzipSync(await readFile(path.join(dir, file)), { level: 9 }).length
  return { files: files.length, gzipped }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'civic-bench-workshop-'))
  const host = await startHost(dataDir, ['--room-address', ROOM])
  try {
    const courses = await parsed<{ id: string; status: string }[]>(callApi(host, 'course.list'))
    const courseId = courses.find((course) => course.status === 'ready')?.id ?? ''
    const course = await parsed<{ content: Record<string, { modules: { id: string }[] }> }>(callApi(host, 'course.get', { courseId }))
    const moduleId = course.content.en?.modules[0]?.id ?? ''
    const rssBefore = processRssMb(host.pid)
    const cpuBefore = procCpuMs(host.pid)
    const started = await parsed<WorkshopStatus>(callApi(host, 'workshop.start', { courseId, moduleId, language: 'en', anonymous: false, listen: ROOM }))
    const join = started.join
    if (!join) throw new Error('The session did not listen for phones.')

    // 60 phones join by the link's secret and open their connection.
    const secret = join.link.split('#')[1] ?? ''
    const phones: Phone[] = []
    for (let index = 0; index < PHONES; index++) {
      const name = `Phone ${index + 1}`
      const response = await fetch(new URL('/join', join.address), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret, name }) })
      const { token } = (await response.json()) as { token: string }
      const socket = new WebSocket(new URL('/live', join.address.replace(/^http/, 'ws')))
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve())
        socket.once('error', reject)
      })
      socket.send(JSON.stringify({ type: 'hello', token }))
      phones.push({ name, socket })
    }

    // The trainer's screen: a long poll, as useWorkshop runs it; it notes when each phone's latest answer is seen.
    const seen = new Map<string, { expected: string; sentAt: number }>()
    const latencies: number[] = []
    let view = (await parsed<WorkshopStatus>(callApi(host, 'workshop.act', { action: { type: 'poll', spec: { kind: 'choice', prompt: 'Which platform do your residents use most?', options: [{ id: 'a', text: 'Facebook' }, { id: 'b', text: 'Nextdoor' }, { id: 'c', text: 'X' }], multiple: false } } }))).view
    const activityId = view?.activity?.id ?? ''
    let polling = true
    const poller = (async () => {
      while (polling) {
        const status = await parsed<WorkshopStatus>(callApi(host, 'workshop.status', { since: view?.revision ?? null }))
        const now = performance.now()
        view = status.view
        for (const answer of status.view?.activity?.named ?? []) {
          const waiting = seen.get(answer.name)
          if (waiting && answer.chosen[0] === waiting.expected) {
            latencies.push(now - waiting.sentAt)
            seen.delete(answer.name)
          }
        }
      }
    })()

    // Each phone answers, then changes its answer, at random moments over the spread.
    const noops: number[] = []
    const sends: Promise<void>[] = []
    for (const phone of phones) {
      for (let round = 0; round < ANSWERS_EACH; round++) {
        const at = Math.random() * SPREAD_MS
        sends.push(
          new Promise((resolve) =>
            setTimeout(() => {
              // One answer in flight per phone, as a person taps: a later tap waits for the last to be seen.
              if (seen.has(phone.name)) return resolve()
              const option = ['a', 'b', 'c'][(round + phone.name.length) % 3] as string
              seen.set(phone.name, { expected: option, sentAt: performance.now() })
              phone.socket.send(JSON.stringify({ type: 'choose', activityId, optionIds: [option] }))
              resolve()
            }, at),
          ),
        )
      }
    }
    // The reference: a no-op API call every 50 ms over the same spread.
    const reference = (async () => {
      const end = performance.now() + SPREAD_MS
      while (performance.now() < end) {
        const sent = performance.now()
        await callApi(host, 'app.info')
        noops.push(performance.now() - sent)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    await Promise.all([...sends, reference])
    await new Promise((resolve) => setTimeout(resolve, 500))
    const cpuAfter = procCpuMs(host.pid)
    const rssAfter = processRssMb(host.pid)
    polling = false
    await callApi(host, 'workshop.act', { action: { type: 'close' } })
    await poller
    for (const phone of phones) phone.socket.close()
    await callApi(host, 'workshop.end')

    const page = await participantPageBytes()
    const p95 = percentile(latencies, 95)
    const lines = [
      `Workshop: ${PHONES} phones on ${ROOM}, ${latencies.length} answers seen by the trainer's screen (${seen.size} not seen), over ${SPREAD_MS / 1000} s`,
      `answer to the trainer's screen: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 100 ms) — ${p95 <= 100 ? 'met' : 'NOT met'}`,
      `a no-op API call in the same run: p50 ${percentile(noops, 50).toFixed(1)} ms, p95 ${percentile(noops, 95).toFixed(1)} ms`,
      `web host for the session: ${(cpuAfter - cpuBefore).toFixed(0)} ms CPU, memory ${rssBefore.toFixed(1)} → ${rssAfter.toFixed(1)} MB (+${(rssAfter - rssBefore).toFixed(1)} MB)`,
      `participant page: ${page.files} files, ${(page.gzipped / 1000).toFixed(1)} KB JS+CSS gzipped (target ≤ 60 KB) — ${page.gzipped <= 60_000 ? 'met' : 'NOT met'}`,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await host.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
