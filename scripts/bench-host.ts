import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import path from 'node:path'
import { TOKEN_HEADER } from '../src/core/app-meta'

const ROOT = path.resolve(__dirname, '..')

export interface RunningHost {
  /** The address the host printed, with its token. */
  url: string
  origin: string
  token: string
  pid: number
  /** From spawning the process to the host printing its address. */
  startMs: number
  /** Stops the host with SIGTERM and resolves once it has written its last changes and exited, with how long that took. */
  stop(): Promise<number>
}

/** Starts the built web host (`civic-learn serve`) in its own process, as a user starts it. */
export async function startHost(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<RunningHost> {
  const started = performance.now()
  // CIVIC_BENCH_NODE_ARGS passes flags to the host's Node, to profile a bench run (`--cpu-prof`).
  const nodeArgs = (process.env.CIVIC_BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '')
  const child = spawn(process.execPath, [...nodeArgs, 'out/cli/index.js', 'serve', '--port', '0', '--data-dir', dataDir, ...extra], { cwd: ROOT, env })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    })
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    child.once('exit', (code) => reject(new Error(`the web host exited with ${code}`)))
  })
  const startMs = performance.now() - started
  const parsed = new URL(url)
  let stopped: Promise<number> | null = null
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    pid: child.pid ?? 0,
    startMs,
    stop: () =>
      (stopped ??= new Promise<number>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(0)
        const stopping = performance.now()
        child.removeAllListeners('exit')
        child.once('exit', () => resolve(performance.now() - stopping))
        child.kill('SIGTERM')
      })),
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 })

/** One API call over HTTP, as the web app makes it; resolves with the status once the whole answer has arrived. */
export function callApi(host: RunningHost, method: string, input: unknown = {}): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(input)
  return new Promise((resolve, reject) => {
    const req = request(
      `${host.origin}/api/${method}`,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), [TOKEN_HEADER]: host.token } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A process's resident memory in MB (Linux); otherwise NaN. */
export function processRssMb(pid: number): number {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return line ? Number(line[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}
