import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { readLearnerRecord } from '../core/progress/learner-record'
import { canonicalJson, verifySigned } from './signing'

export type Verification = { valid: true; fingerprint: string; summary: string } | { valid: false; reason: string }

/**
 * Checks a certificate (PDF) or a learner record (JSON) Civic Learn signed with a council's key
 * against that council's public key (PEM). Says what is wrong in plain words when it does not check.
 */
export async function verifyDocument(file: string, publicKeyPem: string): Promise<Verification> {
  const bytes = await readFile(file)
  return path.extname(file).toLowerCase() === '.pdf' ? verifyCertificate(bytes, publicKeyPem) : verifyRecord(bytes.toString('utf8'), publicKeyPem)
}

async function verifyCertificate(bytes: Uint8Array, publicKeyPem: string): Promise<Verification> {
  // The PDF library is loaded only when a certificate is checked.
  const [{ PDFDocument }, { readDocumentInfo }, { SIGNED_DETAILS_KEY, SIGNATURE_KEY }] = await Promise.all([import('pdf-lib'), import('./pdf/pdf-writer'), import('./pdf/certificate')])
  let details: string | null
  let signature: string | null
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    details = readDocumentInfo(doc, SIGNED_DETAILS_KEY)
    signature = readDocumentInfo(doc, SIGNATURE_KEY)
  } catch {
    return { valid: false, reason: 'The file is not a PDF that can be read.' }
  }
  if (details === null || signature === null) {
    return { valid: false, reason: 'This certificate is not signed: it was made without a council signing key, so only its verification code can be compared with the learner’s record.' }
  }
  const verdict = verifySigned(details, signature, publicKeyPem)
  if (!verdict.valid) return verdict
  const shown = JSON.parse(details) as { learner: string; courseTitle: string; courseVersion: string; completedAt: string; score: number | null; organisation: string; importedAt: string | null }
  const score = shown.score === null ? 'no scored assessment' : `score ${shown.score}%`
  const imported = shown.importedAt ? `; includes progress imported on ${shown.importedAt.slice(0, 10)}` : ''
  return { valid: true, fingerprint: verdict.fingerprint, summary: `${shown.learner} completed "${shown.courseTitle}" (version ${shown.courseVersion}) on ${shown.completedAt.slice(0, 10)}, ${score}; issued by ${shown.organisation}${imported}.` }
}

function verifyRecord(text: string, publicKeyPem: string): Verification {
  const reading = readLearnerRecord(text)
  if (!reading.ok) return { valid: false, reason: reading.reason }
  const { signature, ...signed } = reading.record
  if (!signature) return { valid: false, reason: 'This learner record is not signed: it was exported without a council signing key.' }
  const verdict = verifySigned(canonicalJson(signed), signature.value, publicKeyPem)
  if (!verdict.valid) return verdict
  const courses = Object.keys(signed.progress).length
  const imported = signed.learner.importedAt ? `; it includes progress imported from another device on ${signed.learner.importedAt.slice(0, 10)}` : ''
  return { valid: true, fingerprint: verdict.fingerprint, summary: `The learning record of ${signed.learner.name}, exported on ${signed.exportedAt.slice(0, 10)}, ${courses} course${courses === 1 ? '' : 's'}${imported}.` }
}
