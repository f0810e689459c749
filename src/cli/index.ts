import { version } from '../../package.json'
import { runCli } from './main'

runCli(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  { version, baseDir: __dirname },
).then((code) => {
  if (code !== 0) process.exitCode = code
})
