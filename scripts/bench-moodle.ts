import path from 'node:path'
import type { ScormVersion } from '../src/core/scorm/manifest'
import type { InteractionJournal } from '../src/core/scorm/reporting'
import { loadCourseFolder } from '../src/node/course-loader'
import { launchInMoodle, walkAndClose } from '../test/support/moodle-walk'

/**
 * `npm run bench`, Moodle part: what a Moodle site receives from the bundled course's package
 * when a learner walks the whole course, answering every question (the final assessment failed
 * twice, then passed), switching tabs now and then, and closing the window at the end: requests
 * as Moodle's own runtime makes them (src/core/scorm/moodle-model.ts), by XHR while the page
 * lives and by beacon once it is hidden or closing. Targets (issue 16): the request sent as the
 * window closes ≤ 16 KiB, and the whole upload in 2004 ≤ 2× that in 1.2.
 */
const ROOT = path.resolve(__dirname, '..')
const CLOSE_LIMIT = 16 * 1024

interface Row {
  version: ScormVersion
  interactions: InteractionJournal
  requests: number
  total: number
  largest: number
  close: number
  largestAtClose: number
  fields: number
  refused: number
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

async function main(): Promise<void> {
  const loaded = await loadCourseFolder(path.join(ROOT, 'courses/social-media-for-local-leaders'))
  if (!loaded.bundle) throw new Error('The bundled course does not load.')
  const course = loaded.bundle
  // Its ES build: the CommonJS one only sets browser globals.
  const scormAgain = await import('scorm-again')
  const rows: Row[] = []
  for (const interactions of ['assessments', 'all', 'none'] as const) {
    for (const version of ['scorm12', 'scorm2004'] as const) {
      const launch = launchInMoodle({ version, course, scormAgain, choices: { interactions } })
      const { beforeClose } = walkAndClose(launch, course)
      const requests = launch.moodle.requests
      rows.push({
        version,
        interactions,
        requests: requests.length,
        total: requests.reduce((sum, request) => sum + request.bytes, 0),
        largest: Math.max(...requests.map((request) => request.bytes)),
        // Everything sent once the window started closing: 1.2 commits, then finishes; 2004 terminates.
        close: requests.slice(beforeClose).reduce((sum, request) => sum + request.bytes, 0),
        largestAtClose: Math.max(0, ...requests.slice(beforeClose).map((request) => request.bytes)),
        fields: Math.max(...requests.map((request) => request.fields)),
        refused: requests.filter((request) => !request.accepted).length,
      })
    }
  }
  const lines = [
    'Moodle: the bundled course walked through with every question answered, in Moodle’s runtime as modelled',
    'journal | version | requests | total upload | largest request | sent as the window closes (largest request) | most fields | refused',
    ...rows.map((row) => [row.interactions, row.version, row.requests, kb(row.total), kb(row.largest), `${kb(row.close)} (${kb(row.largestAtClose)})`, row.fields, row.refused].join(' | ')),
  ]
  for (const interactions of ['assessments', 'all', 'none'] as const) {
    const of = (version: ScormVersion) => rows.find((row) => row.version === version && row.interactions === interactions)
    const v12 = of('scorm12')
    const v2004 = of('scorm2004')
    if (!v12 || !v2004) continue
    const closeOk = Math.max(v12.close, v2004.close) <= CLOSE_LIMIT
    const requestOk = Math.max(v12.largestAtClose, v2004.largestAtClose) <= CLOSE_LIMIT
    const ratio = v2004.total / v12.total
    lines.push(
      `journal ${interactions}: all sent at close ≤ 16 KiB (target) — ${closeOk ? 'met' : 'NOT met'} (each request ${requestOk ? '≤' : '>'} 16 KiB); 2004's upload ${ratio.toFixed(2)}× 1.2's (target ≤ 2) — ${ratio <= 2 ? 'met' : 'NOT met'}`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
