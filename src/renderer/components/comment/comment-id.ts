/**
 * A new comment's id: 16 random bytes as hex. From getRandomValues, which (unlike randomUUID)
 * every page has, including one the web host serves to a phone over the room's network.
 */
export function newCommentId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return [...random(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
