import { networkInterfaces } from 'node:os'
import { create as createQr } from 'qrcode'
import { ApiError } from '../../core/api/errors'
import type { JoinInfo, WorkshopStatus } from '../../core/api/workshop-schemas'
import type { Language } from '../../core/api/contract'
import { contentIn } from '../../core/course/localized'
import { sessionRecord } from '../../core/workshop/record'
import { SessionError } from '../../core/workshop/session'
import type { Handlers } from '../api-router'
import type { LoadedAppBranding } from '../branding'
import type { CourseCatalog } from '../course-catalog'
import { WorkshopHub } from '../workshop/hub'
import { sessionCsv } from '../workshop/record-files'
import { startRoomServer, type RoomServer } from '../workshop/room-server'
import type { TrainerGate } from './trainer'

/** How long the presenter's status request waits for a change before answering with the same view. */
export const STATUS_WAIT_MS = 20_000

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/

/** The machine's IPv4 addresses on a network phones could be on. */
export function roomAddresses(): { name: string; address: string }[] {
  return Object.entries(networkInterfaces()).flatMap(([name, infos]) => (infos ?? []).filter((info) => info.family === 'IPv4' && !info.internal).map((info) => ({ name, address: info.address })))
}

function networkKind(address: string): JoinInfo['network'] {
  if (LOOPBACK.test(address)) return 'loopback'
  if (address.startsWith('169.254.')) return 'link-local'
  return 'local'
}

/** Whether this machine reaches the room server where phones will look for it. */
async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) })
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

function asApiError(error: unknown): never {
  if (error instanceof SessionError) throw new ApiError({ code: 'BAD_INPUT', message: error.message, ...(error.refusal ? { refusal: error.refusal } : {}) })
  throw error
}

export interface WorkshopService {
  handlers: Pick<Handlers, 'workshop.networks' | 'workshop.start' | 'workshop.status' | 'workshop.items' | 'workshop.act' | 'workshop.ask' | 'workshop.record' | 'workshop.end'>
  hub: WorkshopHub
  /** Ends any session and stops listening (the app is closing). */
  close(): Promise<void>
}

/**
 * The API's side of workshop sessions. Starting one is the trainer's: the trainer's PIN guards it
 * where there is one. The room server listens only while a session that asked for it runs, and
 * only on the address the trainer chose for it.
 */
export function workshopService({
  catalog,
  trainer,
  branding,
  profiles,
  activeLearner,
  participantDir,
  addresses = roomAddresses,
}: {
  catalog: CourseCatalog
  trainer: TrainerGate
  branding?: LoadedAppBranding
  /** The device's learners, for someone answering on the laptop itself to join as themselves. */
  profiles?: () => { id: string; name: string }[]
  /** The learner using the app, who may put a comment to the room's questions. */
  activeLearner?: () => { id: string; name: string }
  participantDir?: string
  addresses?: () => { name: string; address: string }[]
}): WorkshopService {
  const hub = new WorkshopHub()
  let room: RoomServer | null = null
  let join: JoinInfo | null = null

  const status = (): WorkshopStatus => ({ view: hub.view(), join: hub.active && join ? { ...join, reached: hub.reached } : null })

  async function stopListening(): Promise<void> {
    const closing = room
    room = null
    join = null
    // The phones get the ended view first (the hub sends views once per burst).
    await new Promise((resolve) => setImmediate(resolve))
    await closing?.close()
  }

  /**
   * Starts the room server for the session `sessionId` and returns how phones join, or null when
   * that session ended meanwhile (the trainer pressed End while it was starting): its listener is
   * then closed here, and nothing of it is kept.
   */
  async function listen(address: string, sessionId: string): Promise<JoinInfo | null> {
    if (!addresses().some((item) => item.address === address)) {
      throw new ApiError({ code: 'BAD_INPUT', message: `This computer has no network address ${address}.` })
    }
    if (!participantDir) throw new ApiError({ code: 'UNAVAILABLE', message: 'This copy of Civic Learn was built without the participant page, so phones cannot join.' })
    const stillRunning = () => hub.active && hub.view()?.id === sessionId
    const server = await startRoomServer({ hub, host: address, participantDir, ...(profiles ? { profiles } : {}) }).catch((error: unknown) => {
      throw new ApiError({ code: 'UNAVAILABLE', message: `Civic Learn could not listen on ${address}: ${(error as Error).message}` })
    })
    const joining = hub.joining
    if (!stillRunning() || !joining) {
      await server.close()
      return null
    }
    room = server
    const link = `${server.url}#${joining.secret}`
    const qr = createQr(link, { errorCorrectionLevel: 'M' }).modules
    const info: JoinInfo = {
      address: server.url,
      link,
      code: joining.code,
      qr: { size: qr.size, cells: Array.from(qr.data, (cell) => (cell ? '1' : '0')).join('') },
      reachable: await reachable(server.url),
      reached: 0,
      network: networkKind(address),
    }
    return stillRunning() ? info : null
  }

  return {
    hub,
    close: async () => {
      hub.end()
      await stopListening()
    },
    handlers: {
      'workshop.networks': () => ({ addresses: addresses() }),
      'workshop.start': async ({ courseId, moduleId, language, anonymous, listen: address }) => {
        trainer.require()
        const course = await catalog.get(courseId)
        let sessionId = ''
        try {
          sessionId = hub.start({ course, moduleId, language, anonymous }).id
        } catch (error) {
          asApiError(error)
        }
        if (address !== null) {
          try {
            join = await listen(address, sessionId)
          } catch (error) {
            hub.end()
            await stopListening()
            throw error
          }
        }
        return status()
      },
      'workshop.status': async ({ since }) => {
        await hub.watch(since, STATUS_WAIT_MS)
        return status()
      },
      'workshop.items': () => {
        try {
          return hub.items()
        } catch (error) {
          return asApiError(error)
        }
      },
      'workshop.act': ({ action }) => {
        try {
          hub.trainer(action)
        } catch (error) {
          asApiError(error)
        }
        return status()
      },
      'workshop.ask': ({ text }) => {
        const learner = activeLearner?.()
        if (!learner || !hub.active) throw new ApiError({ code: 'UNAVAILABLE', message: 'There is no workshop session running to ask.' })
        try {
          hub.askAsLearner(learner.id, learner.name, text)
        } catch (error) {
          asApiError(error)
        }
        return { asked: true as const }
      },
      'workshop.record': async ({ format, pageIds, attendees }) => {
        trainer.require()
        const session = hub.session
        const content = hub.content
        if (!session || !content) throw new ApiError({ code: 'UNAVAILABLE', message: 'There has been no session to keep a record of.' })
        const language = content.language as Language
        const tree = contentIn(content.course, language)
        const module = tree?.modules.find((item) => item.id === session.moduleId)
        const titles = new Map(module?.pages.map((page) => [page.id, page.title]))
        const record = sessionRecord(session, pageIds.flatMap((id) => (titles.has(id) ? [titles.get(id) as string] : [])), attendees)
        const heading = { courseTitle: tree?.title ?? content.course.id, moduleTitle: module?.title ?? session.moduleId }
        const name = `workshop-${content.course.id}-${session.startedAt.slice(0, 10)}`
        if (format === 'csv') return { fileName: `${name}.csv`, mediaType: 'text/csv', base64: Buffer.from(sessionCsv(record, heading, language)).toString('base64') }
        const organisation = branding?.branding?.organisation
        const colour = branding?.branding?.colours?.accent
        // The PDF libraries load with the first document, not at start.
        const { sessionPdf } = await import('../pdf/session')
        const pdf = await sessionPdf(record, heading, language, { ...(organisation ? { organisation } : {}), ...(colour ? { colour } : {}) }, new Date())
        return { fileName: `${name}.pdf`, mediaType: 'application/pdf', base64: Buffer.from(pdf).toString('base64') }
      },
      'workshop.end': async () => {
        hub.end()
        await stopListening()
        return status()
      },
    },
  }
}
