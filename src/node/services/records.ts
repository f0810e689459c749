import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../core/api/errors'
import { FIRST_LEARNER_NAME } from '../../core/app-defaults'
import { cpdHours } from '../../core/course/bundle'
import { contentIn } from '../../core/course/localized'
import { courseStatus, earnsCertificate } from '../../core/progress/completion'
import { readLearnerRecord, type LearnerRecord } from '../../core/progress/learner-record'
import type { Handlers } from '../api-router'
import type { LoadedAppBranding } from '../branding'
import type { CourseCatalog } from '../course-catalog'
import { notebookMarkdown } from '../notebook'
import { resultsTable } from '../../core/progress/results'
import { resultsCsv } from '../results-csv'
import { canonicalJson, type Signer } from '../signing'
import type { Branding as CertificateBranding } from '../pdf/certificate'
import { download, slug, today } from './files'
import type { Learners } from './learners'

export interface RecordsDeps extends Learners {
  catalog: CourseCatalog
  branding: LoadedAppBranding
  /** The app's version, written into exported records. */
  version: string
}


/** With the council's key, the record carries a signature over the rest of it, for `civic-learn verify`. */
function signRecord(record: LearnerRecord, signer: Signer | undefined): LearnerRecord {
  if (!signer) return record
  return { ...record, signature: { algorithm: 'ed25519', key: signer.fingerprint, value: signer.sign(canonicalJson(record)) } }
}

const PDF_IMAGE_TYPES: Record<string, 'png' | 'jpeg'> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' }

/**
 * The council's logo for a certificate where it is a PNG or JPEG, the images a PDF can carry (an
 * SVG or WebP logo shows in the app only). A logo that cannot be read leaves it out.
 */
async function certificateLogo({ logoFile, overlay }: LoadedAppBranding): Promise<CertificateBranding['logo']> {
  const type = logoFile === undefined ? undefined : PDF_IMAGE_TYPES[path.extname(logoFile).toLowerCase()]
  if (logoFile === undefined || type === undefined || !overlay) return undefined
  try {
    return { bytes: await readFile(logoFile), type, alt: overlay.logoAlt ?? overlay.organisation }
  } catch {
    return undefined
  }
}

/** The files a learner or trainer takes away (certificate, notebook, record, results) and the record they bring back. */
export function recordHandlers({
  catalog,
  learners,
  settings,
  trainer,
  branding,
  version,
}: RecordsDeps): Pick<Handlers, 'certificate.create' | 'notebook.export' | 'record.export' | 'record.import' | 'results.export' | 'results.table' | 'handout.printToPdf'> {
  const certificateBranding = async (): Promise<CertificateBranding> => {
    if (!branding.branding) return {}
    const logo = await certificateLogo(branding)
    return {
      organisation: branding.branding.organisation,
      ...(branding.branding.colours ? { colour: branding.branding.colours.accent } : {}),
      ...(logo ? { logo } : {}),
    }
  }
  return {
    'certificate.create': async ({ courseId }) => {
      const course = await catalog.get(courseId)
      const progress = await learners.progress(course)
      const status = courseStatus(course, progress)
      if (!earnsCertificate(status) || !progress.completedAt) {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'The certificate is ready once the course is complete and any assessment in it passed.' })
      }
      // A certificate made out to the placeholder name is no use to anyone's development review.
      const learner = learners.activeProfile()
      if (learner.name === FIRST_LEARNER_NAME) {
        throw new ApiError({ code: 'BAD_INPUT', message: 'A certificate needs your own name: add it first.', issues: [{ path: 'learnerName', message: 'placeholder' }] })
      }
      const { language } = settings.get()
      const record = {
        learner: learner.name,
        courseId,
        courseTitle: contentIn(course, language)?.title ?? courseId,
        courseTitleInEnglish: contentIn(course, 'en')?.title ?? courseId,
        courseVersion: course.version,
        completedAt: progress.completedAt,
        score: status.score,
        // Progress completed before the time at completion was kept has only the time so far.
        secondsSpent: progress.secondsAtCompletion ?? status.secondsSpent,
        importedAt: learners.activeImportedAt(),
        cpdHours: cpdHours(course),
      }
      // The PDF libraries (a third of a start-up) are loaded on the first document, not at start.
      const { certificatePdf } = await import('../pdf/certificate')
      return download(`certificate-${courseId}.pdf`, 'application/pdf', await certificatePdf(record, language, await certificateBranding(), branding.signer))
    },
    'notebook.export': async ({ courseId, format }) => {
      const course = await catalog.get(courseId)
      const progress = await learners.progress(course)
      const { language } = settings.get()
      const learner = { name: learners.activeProfile().name, importedAt: learners.activeImportedAt() }
      if (format === 'markdown') return download(`notebook-${courseId}.md`, 'text/markdown', notebookMarkdown(course, progress, learner, language))
      const { notebookPdf } = await import('../pdf/notebook')
      return download(`notebook-${courseId}.pdf`, 'application/pdf', await notebookPdf(course, progress, learner, language, new Date()))
    },
    'record.export': async () => {
      const record = signRecord(await learners.exportRecord(version), branding.signer)
      return download(`civic-learn-record-${slug(record.learner.name)}-${today()}.json`, 'application/json', `${JSON.stringify(record, null, 2)}\n`)
    },
    'record.import': ({ text }) => {
      const reading = readLearnerRecord(text)
      if (!reading.ok) throw new ApiError({ code: 'BAD_INPUT', message: reading.reason })
      return learners.importRecord(reading.record)
    },
    'results.export': async () => {
      // Every learner's progress: on a laptop with a trainer PIN, the trainer's to see.
      trainer.require()
      const courses = await catalog.all()
      const rows = (await learners.allProgress()).map(({ profile, importedAt, progress }) => ({ name: profile.name, importedAt, progress }))
      return download(`civic-learn-results-${today()}.csv`, 'text/csv', resultsCsv(courses, rows, settings.get().language))
    },
    'results.table': async () => {
      trainer.require()
      const courses = await catalog.all()
      const learnerResults = (await learners.allProgress()).map(({ profile, importedAt, progress }) => ({ name: profile.name, importedAt, progress }))
      return courses.map((course) => resultsTable(course, learnerResults))
    },
    'handout.printToPdf': () => {
      throw new ApiError({ code: 'UNAVAILABLE', message: 'Saving a handout as PDF is done by the browser: use its print dialog.' })
    },
  }
}
