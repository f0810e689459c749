import { PassThrough, Readable } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { readBody } from './request-body'

const request = (...chunks: string[]) => {
  const stream = Readable.from(chunks.map((chunk) => Buffer.from(chunk)))
  return stream as unknown as IncomingMessage & Readable
}

describe('readBody', () => {
  it('gives the whole body up to the limit, the limit included', async () => {
    expect((await readBody(request('{"a":', '1}'), 7))?.toString()).toBe('{"a":1}')
    expect((await readBody(request(''), 0))?.toString()).toBe('')
    expect(await readBody(request('{"a":', '1}'), 6)).toBeNull()
  })

  it('answers null as soon as the body passes the limit, and reads the rest to its end without keeping it', async () => {
    const req = new PassThrough()
    const body = readBody(req as unknown as IncomingMessage, 7)
    req.write('1234567890')
    expect(await body).toBeNull()
    // Still open: the rest arrives, and is read (so the sender is not cut off) to its end.
    const ended = new Promise((resolve) => req.on('end', resolve))
    req.end('abcdef'.repeat(1000))
    await ended
    expect(req.readableEnded).toBe(true)
  })
})
