import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { METHOD_NAMES } from '../../core/api/methods'
import { createRouter, type Handlers, type Router } from '../api-router'
import { openCourses, type Courses } from './courses'
import { openLearners, type Learners } from './learners'

/**
 * For the services' tests: a data folder and a courses folder holding copies of fixture courses,
 * the stores and catalogue opened on them as the app opens them, and a router over just the
 * handlers a test names.
 */
export const FIXTURE_COURSES = path.resolve(__dirname, '../../../e2e/fixtures/courses')

export interface ServiceWorld {
  work: string
  coursesDir: string
  dataDir: string
  stores: Learners
  courses: Courses
  /** Closes the stores, as the app does on quitting, and opens them again on the same folders. */
  restart(): Promise<void>
  /** Closes the stores and removes both folders. */
  remove(): Promise<void>
}

export async function openWorld(fixtures: readonly string[] = ['minimal', 'every-block']): Promise<ServiceWorld> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'civic-services-'))
  const coursesDir = path.join(work, 'courses')
  const dataDir = path.join(work, 'data')
  for (const name of fixtures) await cp(path.join(FIXTURE_COURSES, name), path.join(coursesDir, name), { recursive: true })
  const world: ServiceWorld = {
    work,
    coursesDir,
    dataDir,
    stores: await openLearners(dataDir),
    courses: await openCourses(coursesDir, undefined, console),
    async restart() {
      await world.stores.learners.close()
      world.stores = await openLearners(dataDir)
    },
    async remove() {
      await world.stores.learners.close()
      await rm(work, { recursive: true, force: true })
    },
  }
  return world
}

/** A router over the handlers given; any other method fails, so a test never reaches a domain it did not name. */
export function routerFor(handlers: () => Partial<Handlers>): Router {
  const refuse = (method: string) => () => {
    throw new Error(`${method} is not one of the handlers under test.`)
  }
  // Handlers are built on each call, so a test that restarts the stores reaches the new ones.
  return (method, input) => {
    const given = handlers()
    return createRouter(Object.fromEntries(METHOD_NAMES.map((name) => [name, given[name] ?? refuse(name)])) as Handlers)(method, input)
  }
}

/** Calls a method and returns its value; an error envelope fails the test with its code and message. */
export async function call<T = never>(router: Router, method: string, input: unknown = {}): Promise<T> {
  const result = await router(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}
