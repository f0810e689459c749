import type { IncomingMessage } from 'node:http'

/**
 * A request's body, or null as soon as it is larger than `limit` bytes. The rest is still read and
 * thrown away, so the sender gets the answer saying why (which should close the connection:
 * `Connection: close`) rather than a connection reset by a socket closed on unread data. Node's
 * request timeout ends a sender that never stops. Used by the web host's API and the workshop's room.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      over = true
      chunks.length = 0
      resolve(null)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
