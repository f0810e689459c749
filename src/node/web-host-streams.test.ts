import { existsSync, readdirSync } from 'node:fs'
import type * as FsModule from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { ok } from '../core/api'
import { EVENTUALLY } from '../../test/support/eventually'
import { startWebHost, type WebHost } from './web-host'

/**
 * Files the host is allowed to serve but cannot read. LOCKED cannot be opened, as with no
 * permission (chmod cannot make one when the tests run as root) or one deleted between looking
 * and opening; FAILING opens but fails after its first kilobyte, as a failing disk does. Both
 * fail here, whichever way the host opens and reads them.
 */
const LOCKED = 'locked.mp4'
const FAILING = 'failing.mp4'

function fsError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: could not read '${file}'`), { code, path: file })
}

/** A file stream that gives `chunks` kilobytes, then fails with `code`; `close` releases its file. */
function failingStream(file: string, code: string, chunks: number, close: () => Promise<void> = async () => undefined): Readable {
  let given = 0
  return new Readable({
    read() {
      if (given++ < chunks) this.push(Buffer.alloc(1024, 7))
      else this.destroy(fsError(code, file))
    },
    destroy(error, callback) {
      close().then(() => callback(error), callback)
    },
  })
}

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof FsModule>()
  const createReadStream = (file: string, options?: Parameters<typeof real.createReadStream>[1]) => {
    const name = path.basename(String(file))
    if (name === LOCKED) return failingStream(file, 'EACCES', 0)
    if (name === FAILING) return failingStream(file, 'EIO', 1)
    return real.createReadStream(file, options)
  }
  return { ...real, default: { ...real, createReadStream }, createReadStream }
})

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const open = async (file: Parameters<typeof real.open>[0], ...rest: [flags?: string | number, mode?: number]) => {
    const name = path.basename(String(file))
    if (name === LOCKED) throw fsError('EACCES', String(file))
    const handle = await real.open(file, ...rest)
    if (name === FAILING) handle.createReadStream = () => failingStream(String(file), 'EIO', 1, () => handle.close()) as ReturnType<typeof handle.createReadStream>
    return handle
  }
  return { ...real, default: { ...real, open }, open }
})

const MEDIA_BYTES = 2 * 1024 * 1024
let dir: string
let host: WebHost

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-webhost-streams-'))
  const rendererDir = path.join(dir, 'renderer')
  const media = path.join(dir, 'courses', 'demo', 'media')
  await mkdir(rendererDir, { recursive: true })
  await mkdir(media, { recursive: true })
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Civic Learn</title>')
  await writeFile(path.join(media, 'talk.mp4'), Buffer.alloc(MEDIA_BYTES, 7))
  await writeFile(path.join(media, LOCKED), Buffer.alloc(1024, 7))
  await writeFile(path.join(media, FAILING), Buffer.alloc(64 * 1024, 7))
  host = await startWebHost({
    router: async () => ok(null),
    token: 'test-token-1234567890',
    port: 0,
    rendererDir,
    coursesDir: path.join(dir, 'courses'),
    referencedByCourse: (folder, file) => folder === 'demo' && ['media/talk.mp4', `media/${LOCKED}`, `media/${FAILING}`].includes(file),
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})

afterAll(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

function get(file: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path: file, agent: false, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Asks for the file and hangs up as soon as the answer starts, as a browser does when the learner skips ahead in a video. */
function getAndAbort(file: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path: file, agent: false, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      res.once('data', () => req.destroy())
    })
    // Destroying the request ends it with an error or a close, depending on how far it got: either will do.
    req.on('error', () => undefined)
    req.on('close', () => resolve())
    req.end()
  })
}

const PROC_FDS = '/proc/self/fd'
const openFds = () => readdirSync(PROC_FDS).length

describe('web host: file streams', () => {
  it('answers 500 for a file it cannot open, and goes on serving', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const refused = await get(`/courses/demo/media/${LOCKED}`)
    expect(refused.status).toBe(500)
    expect(refused.body.toString()).not.toContain('EACCES')
    expect(log).toHaveBeenCalledOnce()
    const next = await get('/courses/demo/media/talk.mp4', { range: 'bytes=0-9' })
    expect(next.status).toBe(206)
    expect(next.body.length).toBe(10)
  })

  it('cuts off a response whose file fails while being sent, and goes on serving', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    // The status and length went out with the first kilobyte: the browser learns of the failure by the connection closing early.
    await expect(get(`/courses/demo/media/${FAILING}`)).rejects.toThrow()
    await vi.waitFor(() => expect(log).toHaveBeenCalledOnce(), EVENTUALLY)
    expect((await get('/courses/demo/media/talk.mp4', { range: 'bytes=0-9' })).status).toBe(206)
  })

  it.skipIf(!existsSync(PROC_FDS))('closes the file of every request the browser abandons: 1,000 aborted GETs leak no descriptor', async () => {
    const log = vi.spyOn(console, 'error')
    // Node closes a file handle nobody closed when it is garbage collected, and warns: that is a leak found late, not none.
    const collected: string[] = []
    const onWarning = (warning: Error) => {
      if (warning.message.includes('garbage collection')) collected.push(warning.message)
    }
    process.on('warning', onWarning)
    onTestFinished(() => void process.off('warning', onWarning))
    // One request first, so whatever the host opens once and keeps is in the baseline.
    expect((await get('/courses/demo/media/talk.mp4')).body.length).toBe(MEDIA_BYTES)
    const baseline = openFds()
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) => getAndAbort('/courses/demo/media/talk.mp4', index % 2 === 0 ? {} : { range: `bytes=${index * 1000}-` })),
      )
    }
    // The host closes each file as it notices the hang-up, a moment after the client: wait for that, not for a set time.
    await vi.waitFor(() => expect(openFds()).toBeLessThanOrEqual(baseline), EVENTUALLY)
    // A hang-up is the browser's business, not a failure to report.
    expect(log).not.toHaveBeenCalled()
    expect(collected).toEqual([])
  })
})
