import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { ScormVersion } from '../core/scorm/manifest'
import { completionAdvice, reportingWords, type InteractionJournal, type ReportingMode } from '../core/scorm/reporting'
import { ExportError } from '../node/export/errors'
import { exportScormPackage, type ScormExportSummary } from '../node/export/scorm-export'
import type { CliContext, CliIo } from './main'

export interface ExportRequest {
  courseDir: string
  format: ScormVersion
  reporting?: ReportingMode
  interactions?: InteractionJournal
  out: string
  modules?: string[]
  overlay?: string
}

const VERSION_NAMES: Record<ScormVersion, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th Edition' }

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

const JOURNALS: Record<InteractionJournal, string> = {
  all: 'every quiz',
  assessments: 'assessments only (quizzes with feedback at the end)',
  none: 'none',
}

/** What the LMS is told of a pass and a fail, and which of its completion settings to tick. */
function reportingLines(summary: ScormExportSummary): string[] {
  const words = reportingWords(summary.reporting)
  const tick = completionAdvice(summary.format, summary.reporting, summary.hasQuizzes).requireStatus
  const lines = [
    summary.hasQuizzes
      ? `  reporting: ${summary.reporting}: a pass is "${words.pass}", a fail "${words.fail}"${words.fail === 'incomplete' ? ' (the learner can try again in the same attempt)' : ''}`
      : `  reporting: the course has no quizzes: "completed" once finished`,
    `  in Moodle or Totara, set Completion to "Require status: ${tick.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('" and "')}"; see docs/deploying.md for other LMSs`,
  ]
  const { answers, quizzes } = summary.journal
  if (summary.interactions === 'none' || quizzes.length === 0) lines.push(`  interactions journal: ${summary.interactions === 'none' ? 'none' : 'no quiz to journal'}`)
  else lines.push(`  interactions journal: ${JOURNALS[summary.interactions]}; it holds about ${answers} answers (${quizzes.map((quiz) => `${quiz.id}: ${quiz.questions} questions an attempt`).join(', ')}), then later answers stay in the learner's progress only`)
  return lines
}

export function formatSummary(summary: ScormExportSummary): string {
  const { worstCase, limit } = summary.suspendData
  const share = Math.round((worstCase / limit) * 100)
  const short = summary.format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'
  return [
    `Exported "${summary.title}" (${summary.courseId}) as ${VERSION_NAMES[summary.format]} to ${summary.out}`,
    `  modules: ${summary.modules.join(', ')} (${summary.modules.length})`,
    `  files: ${summary.files}, of them ${summary.mediaFiles} course media; ${size(summary.bytes)}`,
    `  suspend data: at most ${worstCase.toLocaleString('en-GB')} of ${short}'s ${limit.toLocaleString('en-GB')} characters (${share}%) with every question answered`,
    ...reportingLines(summary),
    ...(summary.firstScreen ? [] : ['  first screen: not written into index.html (the player was built without its renderer, or it failed); learners see a blank page until the player has started']),
    '',
  ].join('\n')
}

/** `civic-learn export`: a course folder to a SCORM package; 1 when the course or overlay is refused. */
export async function exportCourse(request: ExportRequest, io: CliIo, context: CliContext): Promise<number> {
  const out = path.resolve(request.out)
  const folder = await stat(path.dirname(out)).catch(() => null)
  if (!folder?.isDirectory()) {
    io.err(`The folder for the package, ${path.dirname(out)}, does not exist. Create it first, or give --out a path in a folder that does.\n`)
    return 1
  }
  try {
    const summary = await exportScormPackage({
      ...request,
      out,
      playerDir: path.resolve(context.baseDir, '../player'),
      schemasDir: path.resolve(context.baseDir, '../../resources/scorm-schemas'),
      appVersion: context.version,
    })
    io.out(formatSummary(summary))
    return 0
  } catch (error) {
    if (!(error instanceof ExportError)) throw error
    io.err(`${error.message}\n`)
    return 1
  }
}
