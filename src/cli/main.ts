import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { INTERACTION_JOURNALS, REPORTING_MODES, type InteractionJournal, type ReportingMode } from '../core/scorm/reporting'
import type { Serving } from './serve'

export const USAGE = `Usage: civic-learn <command> [options]

Commands:
  serve       Serve Civic Learn to a browser on this machine
                --port <n>         port to listen on (default: a free port)
                --data-dir <dir>   where learner data is kept (default: see README)
                --courses <dir>    folder of courses (default: the bundled courses)
                --branding <file>  a branding overlay (YAML or JSON) for the app (default:
                                   branding.yaml or branding.json in the courses folder)
                --room-address <ip>
                                   a loopback address (127.x.x.x) a workshop may also offer
                                   phones, to rehearse a session on this machine alone
  validate    Check course folders and report every problem as file:line:column
                <course-dir>...    one or more course folders (each holding course.yaml)
                --json             print the result as JSON for other tools
              Exit status: 0 when no course has an error (warnings allowed), 1 otherwise
  export      Export a course as a SCORM package for a learning platform (LMS)
                <course-dir>       the course folder (holding course.yaml)
                --out <file.zip>   where to write the package
                --format <f>       scorm12 (the default: every LMS supports it) or scorm2004
                --reporting <r>    how a result is reported: passed-incomplete (the default:
                                   a learner who fails can try again), passed-failed,
                                   completed-incomplete or completed-failed
                --interactions <i> which quizzes' answers go to the LMS's journal for its
                                   reports: assessments (the default: quizzes with feedback
                                   at the end), all or none
                --modules <a,b>    only these modules, by id
                --overlay <file>   a branding overlay (YAML or JSON) to apply
  keygen      Make a council's signing key pair, for certificates and records
                --out <name>       writes <name>.private.pem and <name>.public.pem
  verify      Check certificates (PDF) and learner records (JSON) signed with a council's key
                <file>...          the files to check
                --key <file.pem>   the council's public key
              Exit status: 0 when every file is signed with that key and unchanged, 1 otherwise
  help        Show this message
`

export interface CliIo {
  out(text: string): void
  err(text: string): void
}

export interface CliContext {
  version: string
  /** The folder holding the built CLI, from which the renderer and bundled courses are found. */
  baseDir: string
}

/** Thrown for anything the user typed wrong: the message and the usage are printed, exit 2. */
class UsageError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`)
  return port
}

async function runServe(args: string[], io: CliIo, context: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      courses: { type: 'string' },
      branding: { type: 'string' },
      'room-address': { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  })
  const port = parsePort(values.port)
  const roomAddresses = values['room-address'] ?? []
  const notLoopback = roomAddresses.find((address) => !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address))
  if (notLoopback !== undefined) throw new UsageError(`--room-address takes a loopback address (127.x.x.x), not "${notLoopback}": the machine's network addresses are offered already.`)
  // A mistyped path is the user's to fix now; a broken overlay only leaves the app unbranded.
  const brandingFile = values.branding === undefined ? undefined : path.resolve(values.branding)
  if (brandingFile !== undefined && !existsSync(brandingFile)) throw new UsageError(`--branding names no file: ${brandingFile} does not exist.`)
  const rendererDir = path.resolve(context.baseDir, '../renderer')
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    io.err(`The app has not been built yet (no ${path.join(rendererDir, 'index.html')}). Run "npm run build" first.\n`)
    return 1
  }
  const coursesDir = path.resolve(values.courses ?? path.resolve(context.baseDir, '../../courses'))
  if (!existsSync(coursesDir)) {
    io.err(`The courses folder ${coursesDir} does not exist.\n`)
    return 1
  }
  // Each command loads only what it needs, so `validate` does not start with the web host and the exporter.
  const { serve } = await import('./serve')
  const serving = await serve({
    port,
    dataDir: values['data-dir'],
    coursesDir,
    ...(brandingFile ? { brandingFile } : {}),
    rendererDir,
    version: context.version,
    // Laid out as for `civic-learn export`: out/player beside out/cli, the schemas in resources.
    scorm: { playerDir: path.resolve(context.baseDir, '../player'), schemasDir: path.resolve(context.baseDir, '../../resources/scorm-schemas') },
    participantDir: path.resolve(context.baseDir, '../participant'),
    roomAddresses,
    courseWorker: path.join(context.baseDir, 'course-worker.js'),
  })
  io.out(`Civic Learn is running. Open ${serving.host.url}\n`)
  const stop = () => void stopServing(serving, io).then((code) => process.exit(code))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return 0
}

/**
 * Stops the web host and writes what is pending: 0 when all of it is on disk; otherwise 1, with
 * each file that could not be saved and where its unsaved data was kept, never a silent exit.
 */
export async function stopServing(serving: Pick<Serving, 'stop'>, io: CliIo): Promise<number> {
  try {
    await serving.stop()
    return 0
  } catch (error) {
    io.err(`Civic Learn stopped, but not everything could be saved:\n${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}

async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true })
  if (positionals.length === 0) throw new UsageError('validate needs at least one course folder.')
  const { validateCourses } = await import('./validate')
  return validateCourses(positionals, { json: values.json === true }, io)
}

async function runExport(args: string[], io: CliIo, context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      reporting: { type: 'string' },
      interactions: { type: 'string' },
      modules: { type: 'string' },
      overlay: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length !== 1) throw new UsageError('export needs exactly one course folder.')
  const format = values.format ?? 'scorm12'
  if (format !== 'scorm12' && format !== 'scorm2004') throw new UsageError(`--format must be scorm12 or scorm2004, not "${format}".`)
  const reporting = values.reporting
  if (reporting !== undefined && !(REPORTING_MODES as readonly string[]).includes(reporting)) {
    throw new UsageError(`--reporting must be one of ${REPORTING_MODES.join(', ')}, not "${reporting}".`)
  }
  const interactions = values.interactions
  if (interactions !== undefined && !(INTERACTION_JOURNALS as readonly string[]).includes(interactions)) {
    throw new UsageError(`--interactions must be one of ${INTERACTION_JOURNALS.join(', ')}, not "${interactions}".`)
  }
  if (!values.out) throw new UsageError('export needs --out <file.zip>.')
  if (!values.out.toLowerCase().endsWith('.zip')) throw new UsageError(`--out must name a .zip file, not "${values.out}".`)
  const modules = values.modules?.split(',').map((id) => id.trim()).filter((id) => id !== '')
  if (modules?.length === 0) throw new UsageError('--modules needs at least one module id, like --modules introduction,privacy.')
  const { exportCourse } = await import('./export')
  return exportCourse(
    {
      courseDir: positionals[0] as string,
      format,
      out: values.out,
      ...(reporting ? { reporting: reporting as ReportingMode } : {}),
      ...(interactions ? { interactions: interactions as InteractionJournal } : {}),
      ...(modules ? { modules } : {}),
      ...(values.overlay ? { overlay: values.overlay } : {}),
    },
    io,
    context,
  )
}

async function runKeygen(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true, allowPositionals: false })
  if (!values.out) throw new UsageError('keygen needs --out <name>, like --out anytown-council.')
  const { makeKeys } = await import('./keys')
  return makeKeys(values.out, io)
}

async function runVerify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { key: { type: 'string' } }, strict: true, allowPositionals: true })
  if (!values.key) throw new UsageError('verify needs --key <public.pem>: the public key of the council that signed the files.')
  if (positionals.length === 0) throw new UsageError('verify needs at least one certificate (.pdf) or learner record (.json).')
  const { verifyFiles } = await import('./keys')
  return verifyFiles(positionals, values.key, io)
}

/** Runs one CLI command; resolves to the process exit code (serve keeps running after 0). */
export async function runCli(argv: string[], io: CliIo, context: CliContext): Promise<number> {
  const [command, ...rest] = argv
  // `civic-learn <command> --help` asks for the usage, as `help` does: never "unknown option".
  if (command !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(USAGE)
    return 0
  }
  try {
    switch (command) {
      case 'serve':
        return await runServe(rest, io, context)
      case 'validate':
        return await runValidate(rest, io)
      case 'export':
        return await runExport(rest, io, context)
      case 'keygen':
        return await runKeygen(rest, io)
      case 'verify':
        return await runVerify(rest, io)
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return 0
      case '--version':
        io.out(`${context.version}\n`)
        return 0
      case undefined:
        throw new UsageError('No command given.')
      default:
        throw new UsageError(`Unknown command "${command}".`)
    }
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (isUsage) {
      io.err(`${(error as Error).message}\n\n${USAGE}`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException).code
    io.err(code === 'EADDRINUSE' ? 'That port is already in use: choose another with --port.\n' : `civic-learn failed: ${(error as Error).message}\n`)
    return 1
  }
}
