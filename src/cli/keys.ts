import { readFile, writeFile } from 'node:fs/promises'
import type { CliIo } from './main'
import { generateSigningKeys } from '../node/signing'
import { verifyDocument } from '../node/verify'

/** `civic-learn keygen --out <name>`: a council's key pair, never written over an existing file. */
export async function makeKeys(name: string, io: CliIo): Promise<number> {
  const keys = generateSigningKeys()
  const privateFile = `${name}.private.pem`
  const publicFile = `${name}.public.pem`
  try {
    await writeFile(privateFile, keys.privateKeyPem, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    io.err(`${privateFile} could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); an existing key is never replaced.\n`)
    return 1
  }
  await writeFile(publicFile, keys.publicKeyPem, { flag: 'wx' }).catch(async (error: unknown) => {
    io.err(`${publicFile} could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`)
    throw error
  })
  io.out(
    [
      `Key ${keys.fingerprint}:`,
      `  ${privateFile}  the private key: name it as signingKey in the trainer laptop's branding overlay; keep it there and nowhere else`,
      `  ${publicFile}   the public key: give it to whoever checks certificates (civic-learn verify --key ${publicFile} <file>)`,
      '',
    ].join('\n'),
  )
  return 0
}

/** `civic-learn verify --key <public.pem> <file>...`: 0 when every file is signed with that key and unchanged. */
export async function verifyFiles(files: string[], keyFile: string, io: CliIo): Promise<number> {
  let publicKeyPem: string
  try {
    publicKeyPem = await readFile(keyFile, 'utf8')
  } catch (error) {
    io.err(`The key ${keyFile} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`)
    return 1
  }
  let failed = 0
  for (const file of files) {
    const result = await verifyDocument(file, publicKeyPem).catch((error: unknown) => ({ valid: false as const, reason: `It could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` }))
    if (result.valid) io.out(`${file}: valid, signed with key ${result.fingerprint}. ${result.summary}\n`)
    else {
      failed++
      io.out(`${file}: NOT valid. ${result.reason}\n`)
    }
  }
  return failed === 0 ? 0 : 1
}
