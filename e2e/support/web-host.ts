import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export interface RunningHost {
  url: string
  origin: string
  token: string
  dataDir: string
  stop(): Promise<void>
}

const ROOT = path.resolve(__dirname, '../..')

/** Starts the built `civic-learn serve` on a free port and a fresh data folder, as a user would. */
export async function startWebHost(options: { courses?: string; dataDir?: string; roomAddress?: string } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'civic-e2e-')))
  const args = ['out/cli/index.js', 'serve', '--port', '0', '--data-dir', dataDir]
  if (options.courses) args.push('--courses', options.courses)
  if (options.roomAddress) args.push('--room-address', options.roomAddress)
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 15_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /Open (http:\/\/\S+)/.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}: ${stderr}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
