import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileDownload } from '../core/api'
import { runCli } from './main'
import { loadAppBranding, type LoadedAppBranding } from '../node/branding'
import { learnerHandlers } from '../node/services/learners'
import { progressHandlers } from '../node/services/progress'
import { recordHandlers } from '../node/services/records'
import { call, openWorld, routerFor, type ServiceWorld } from '../node/services/service-testing'
import { generateSigningKeys, signerFromPem } from '../node/signing'
import { rewriteSignedDetails } from '../../test/support/forge-certificate'

let world: ServiceWorld
let work: string
let branding: LoadedAppBranding
const keys = generateSigningKeys()
const router = routerFor(() => ({
  ...recordHandlers({ ...world.stores, catalog: world.courses.catalog, branding, version: '1.0.0' }),
  ...learnerHandlers(world.stores),
  ...progressHandlers(world.courses.catalog, world.stores.learners),
}))

async function cli(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) }, { version: '1.0.0', baseDir: '.' })
  return { code, out, err }
}

/** Completes the minimal course and saves its certificate and the learner's record into the work folder. */
async function issue(): Promise<{ certificate: string; record: string }> {
  // A certificate needs the learner's own name, not the placeholder "Learner".
  await call(router, 'profile.rename', { id: (await call<{ activeId: string }>(router, 'profile.list')).activeId, name: 'Cllr Alys Morgan' })
  await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
  const certificate = path.join(work, 'certificate.pdf')
  const record = path.join(work, 'record.json')
  await writeFile(certificate, Buffer.from((await call<FileDownload>(router, 'certificate.create', { courseId: 'minimal' })).base64, 'base64'))
  await writeFile(record, Buffer.from((await call<FileDownload>(router, 'record.export')).base64, 'base64'))
  return { certificate, record }
}

beforeEach(async () => {
  world = await openWorld(['minimal'])
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-signing-'))
  await writeFile(path.join(work, 'council.public.pem'), keys.publicKeyPem)
  branding = { overlay: null, branding: null, problem: null, signer: signerFromPem(keys.privateKeyPem) }
})

afterEach(async () => {
  await world.remove()
  await rm(work, { recursive: true, force: true })
})

describe('signed certificates and records', () => {
  it('signs what it issues with the council’s key, and verify accepts them with the public key', async () => {
    const { certificate, record } = await issue()
    const result = await cli('verify', '--key', path.join(work, 'council.public.pem'), certificate, record)
    expect(result.code).toBe(0)
    expect(result.out).toContain(`certificate.pdf: valid, signed with key ${keys.fingerprint}. Cllr Alys Morgan completed "Minimal course" (version 0.1.0) on 2026-11-21`)
    expect(result.out).toContain('record.json: valid')
  })

  it('refuses a certificate or record that was changed, one signed with another key, and one not signed', async () => {
    const { certificate, record } = await issue()
    const forged = JSON.parse(await readFile(record, 'utf8'))
    forged.learner.name = 'Someone Else'
    await writeFile(path.join(work, 'forged.json'), JSON.stringify(forged, null, 2))
    // More time written into the signed details, the signature kept.
    await writeFile(path.join(work, 'forged.pdf'), await rewriteSignedDetails(await readFile(certificate), (details) => ({ ...details, secondsSpent: 45_600 })))
    const other = generateSigningKeys()
    await writeFile(path.join(work, 'other.public.pem'), other.publicKeyPem)

    const tampered = await cli('verify', '--key', path.join(work, 'council.public.pem'), path.join(work, 'forged.json'), path.join(work, 'forged.pdf'))
    expect(tampered.code).toBe(1)
    expect(tampered.out).toContain('forged.json: NOT valid. The signature does not match')
    expect(tampered.out).toContain('forged.pdf: NOT valid. The signature does not match')
    const wrongKey = await cli('verify', '--key', path.join(work, 'other.public.pem'), certificate)
    expect(wrongKey.out).toContain('NOT valid. The signature does not match')

    branding = { overlay: null, branding: null, problem: null }
    const unsigned = await call<FileDownload>(router, 'certificate.create', { courseId: 'minimal' })
    await writeFile(path.join(work, 'unsigned.pdf'), Buffer.from(unsigned.base64, 'base64'))
    const plain = await cli('verify', '--key', path.join(work, 'council.public.pem'), path.join(work, 'unsigned.pdf'))
    expect(plain.out).toContain('This certificate is not signed')
  })

  it('imports a signed record, and marks a learner from another device on their certificate', async () => {
    const { record } = await issue()
    const imported = await call<{ id: string }>(router, 'record.import', { text: await readFile(record, 'utf8') })
    await call(router, 'profile.switch', { id: imported.id })
    const file = await call<FileDownload>(router, 'certificate.create', { courseId: 'minimal' })
    await writeFile(path.join(work, 'imported.pdf'), Buffer.from(file.base64, 'base64'))
    const result = await cli('verify', '--key', path.join(work, 'council.public.pem'), path.join(work, 'imported.pdf'))
    expect(result.out).toMatch(/includes progress imported on \d{4}-\d{2}-\d{2}/)
    const notebook = await call<FileDownload>(router, 'notebook.export', { courseId: 'minimal', format: 'markdown' })
    expect(Buffer.from(notebook.base64, 'base64').toString('utf8')).toMatch(/Includes reflections imported from another device on \d{1,2} \w+ \d{4}\./)
    // Exported again and signed, the record still says where it came from, under the signature.
    const again = path.join(work, 'again.json')
    await writeFile(again, Buffer.from((await call<FileDownload>(router, 'record.export')).base64, 'base64'))
    expect((await cli('verify', '--key', path.join(work, 'council.public.pem'), again)).out).toMatch(/valid.*includes progress imported from another device on \d{4}-\d{2}-\d{2}/)
    const stripped = JSON.parse(await readFile(again, 'utf8'))
    delete stripped.learner.importedAt
    await writeFile(again, JSON.stringify(stripped))
    expect((await cli('verify', '--key', path.join(work, 'council.public.pem'), again)).out).toContain('NOT valid')
    const csv = await call<FileDownload>(router, 'results.export')
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toMatch(/Cllr Alys Morgan \(2\),Minimal course,.*,\d{4}-\d{2}-\d{2} \d{2}:\d{2}\r\n/)
  })

  it('makes a key pair with keygen, never over an existing key', async () => {
    const name = path.join(work, 'anytown')
    const made = await cli('keygen', '--out', name)
    expect(made.code).toBe(0)
    const signer = signerFromPem(await readFile(`${name}.private.pem`, 'utf8'))
    expect(made.out).toContain(`Key ${signer.fingerprint}`)
    expect(await readFile(`${name}.public.pem`, 'utf8')).toBe(signer.publicKeyPem)
    const again = await cli('keygen', '--out', name)
    expect(again.code).toBe(1)
    expect(again.err).toContain('an existing key is never replaced')
  })

  it('takes the key from the branding overlay, never shows it to the app, and names a key it cannot use', async () => {
    await writeFile(path.join(work, 'council.private.pem'), keys.privateKeyPem)
    await writeFile(path.join(work, 'branding.yaml'), 'organisation: Anytown Council\nsigningKey: council.private.pem\n')
    const loaded = await loadAppBranding(work)
    expect(loaded.problem).toBeNull()
    expect(loaded.signer?.fingerprint).toBe(keys.fingerprint)
    expect(JSON.stringify(loaded.branding)).not.toContain('council.private.pem')
    await writeFile(path.join(work, 'council.private.pem'), keys.publicKeyPem)
    expect((await loadAppBranding(work)).problem).toMatch(/The signing key council\.private\.pem named in branding\.yaml cannot be used: it is not a private key/)
  })
})
