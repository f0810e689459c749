import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

/**
 * A council's signature on what Civic Learn issues (certificates, learner records): Ed25519
 * through Node's crypto. The private key stays on the trainer's laptop; anyone with the public
 * key can check, with `civic-learn verify`, that a document came from that laptop unchanged.
 */
export interface Signer {
  /** The signature of `payload` (its UTF-8 bytes), base64. */
  sign(payload: string): string
  publicKeyPem: string
  /** A short, readable name for the key, printed on what it signs. */
  fingerprint: string
}

/** Sixteen hex digits of the SHA-256 of the public key (DER, SPKI), in groups of four. */
export function keyFingerprint(publicKey: KeyObject): string {
  const digest = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')
  return digest.slice(0, 16).toUpperCase().match(/.{4}/g)?.join('-') ?? ''
}

/** A signer from a PKCS#8 PEM private key; throws a plain message when it is not an Ed25519 key. */
export function signerFromPem(pem: string): Signer {
  let key: KeyObject
  try {
    key = createPrivateKey(pem)
  } catch {
    throw new Error('it is not a private key in PEM form')
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 key (make one with civic-learn keygen)`)
  const publicKey = createPublicKey(key)
  return {
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), key).toString('base64'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
  }
}

export type Verdict = { valid: true; fingerprint: string } | { valid: false; reason: string }

/** Checks a signature against a public key in PEM form. */
export function verifySigned(payload: string, signature: string, publicKeyPem: string): Verdict {
  let key: KeyObject
  try {
    key = createPublicKey(publicKeyPem)
  } catch {
    return { valid: false, reason: 'The key given is not a public key in PEM form.' }
  }
  if (key.asymmetricKeyType !== 'ed25519') return { valid: false, reason: 'The key given is not an Ed25519 public key.' }
  let ok = false
  try {
    ok = verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'))
  } catch {
    ok = false
  }
  return ok ? { valid: true, fingerprint: keyFingerprint(key) } : { valid: false, reason: 'The signature does not match: the document was changed, or signed with another key.' }
}

/** A new key pair, both in PEM form: the private key for the trainer's laptop, the public key for whoever checks. */
export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
  }
}

/** JSON with every object's keys sorted: the same text for the same data, however it was formatted. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}
