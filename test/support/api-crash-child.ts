// Run by api-crash.test.ts: the web host as `civic-learn serve` starts it, on loopback, for the
// courses and data folders given. It prints its address; the parent sends progress events over
// HTTP and kills it with SIGKILL at a random moment.
import { serve } from '../../src/cli/serve'

async function main(coursesDir: string, dataDir: string, rendererDir: string): Promise<void> {
  const serving = await serve({ port: 0, coursesDir, dataDir, rendererDir, version: 'crash-test' })
  process.stdout.write(`Open ${serving.host.url}\n`)
}

void main(process.argv[2] ?? '', process.argv[3] ?? '', process.argv[4] ?? '')
