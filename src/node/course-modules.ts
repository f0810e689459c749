import type { BrandingOverlay } from '../core/branding'
import { learnerBlocks, type Block } from '../core/course/blocks'
import type { CourseBundle, Module } from '../core/course/bundle'
import { ExportError } from './export/errors'

const POLICY_MODULE = 'local-policy'

function moduleIds(bundle: CourseBundle): string[] {
  return bundle.content[bundle.language]?.modules.map((module) => module.id) ?? []
}

function refuseUnknown(all: readonly string[], named: readonly string[]): void {
  const unknown = named.filter((id) => !all.includes(id))
  if (unknown.length > 0) throw new ExportError(`The course has no module ${unknown.map((id) => `"${id}"`).join(', ')}. Its modules are: ${all.join(', ')}.`)
}

/**
 * The course with the modules `keep` accepts, in every language, and `extra` after them, or just
 * before the course's final assessment where it has one; its minutes counted again.
 */
function withModules(bundle: CourseBundle, keep: (module: Module) => boolean, extra?: Module): CourseBundle {
  const place = (modules: Module[]): Module[] => {
    if (!extra) return modules
    const final = modules.findIndex((module) => module.id === bundle.finalAssessment)
    return final < 0 ? [...modules, extra] : [...modules.slice(0, final), extra, ...modules.slice(final)]
  }
  const kept = new Set((bundle.content[bundle.language]?.modules ?? []).filter(keep).map((module) => module.id))
  const content = Object.fromEntries(
    Object.entries(bundle.content).map(([language, localized]) => [
      language,
      { ...localized, modules: place(localized.modules.filter(keep).map((module) => withBanksOf(module, kept))) },
    ]),
  )
  const modules = content[bundle.language]?.modules ?? []
  return { ...bundle, minutes: Math.max(1, modules.reduce((sum, module) => sum + module.minutes, 0)), content }
}

/**
 * The module with each quiz drawing only from the banks of modules the course keeps: a bank that
 * tests a module left out (its `module`) is left out of a quiz that draws per bank, such as a
 * final assessment, with the questions it drew. Refused when a quiz would have none left.
 */
function withBanksOf(module: Module, kept: ReadonlySet<string>): Module {
  const dropsBanks = (blocks: readonly Block[]) => blocks.some((block) => block.type === 'quiz' && block.pools?.some((pool) => pool.module !== undefined && !kept.has(pool.module)))
  if (!module.pages.some((page) => dropsBanks(page.blocks))) return module
  const pages = module.pages.map((page) => ({
    ...page,
    blocks: page.blocks.map((block): Block => {
      if (block.type !== 'quiz' || !block.pools) return block
      const pools = block.pools.filter((pool) => pool.module === undefined || kept.has(pool.module))
      if (pools.length === block.pools.length) return block
      if (pools.length === 0) {
        const tested = [...new Set(block.pools.map((pool) => pool.module))].join(', ')
        throw new ExportError(`The quiz "${block.id}" in the module "${module.id}" draws only from banks that test modules left out (${tested}): keep at least one of them, or leave out the module "${module.id}" too.`)
      }
      const questionIds = new Set(pools.flatMap((pool) => pool.questionIds))
      return { ...block, pools, bank: pools[0]?.name ?? block.bank, draw: pools.reduce((sum, pool) => sum + pool.draw, 0), questions: block.questions.filter((question) => questionIds.has(question.id)) }
    }),
  }))
  return { ...module, pages }
}

/**
 * The course with only the chosen modules, plus the overlay's policy page as a module of its own
 * (last, or before the final assessment): how an overlay brands a course. An example for course
 * authors gets no policy page: it is not a course the council gives its councillors.
 */
export function selectModules(bundle: CourseBundle, keep: readonly string[] | undefined, overlay: BrandingOverlay | undefined): CourseBundle {
  const all = moduleIds(bundle)
  refuseUnknown(all, [...(keep ?? []), ...(overlay?.hideModules ?? [])])
  const chosen = new Set(all.filter((id) => (keep === undefined || keep.includes(id)) && !overlay?.hideModules.includes(id)))
  if (chosen.size === 0) throw new ExportError('No module is left to export: choose at least one that the overlay does not hide.')
  const policy = bundle.example ? undefined : overlay?.policyPage
  const pageIds = new Set(Object.values(bundle.content).flatMap((content) => content.modules.flatMap((module) => [module.id, ...module.pages.map((page) => page.id)])))
  let policyId = POLICY_MODULE
  for (let suffix = 2; pageIds.has(policyId) || pageIds.has(`${policyId}-page`); suffix++) policyId = `${POLICY_MODULE}-${suffix}`
  const policyModule: Module | undefined = policy && {
    id: policyId,
    title: policy.title,
    objectives: [],
    minutes: Math.max(1, Math.round(policy.markdown.split(/\s+/).length / 200)),
    jurisdiction: [],
    pages: [{ id: `${policyId}-page`, title: policy.title, blocks: [{ type: 'text', markdown: policy.markdown } satisfies Block] }],
  }
  return withModules(bundle, (module) => chosen.has(module.id), policyModule)
}

/**
 * A course the app shows, branded already, cut down to the modules chosen on the export page. The
 * overlay's policy page (`policyId`) goes into every package, as it does from the command line.
 */
export function chooseModules(shown: CourseBundle, modules: readonly string[] | undefined, policyId?: string): CourseBundle {
  if (modules === undefined) return shown
  refuseUnknown(moduleIds(shown), modules)
  const chosen = new Set(modules.filter((id) => id !== policyId))
  if (chosen.size === 0) throw new ExportError('Choose at least one module of the course as well as the local policy page.')
  return withModules(shown, (module) => chosen.has(module.id) || module.id === policyId)
}

/** The course as a package carries it, for learners only: every language without the speaker notes. */
export function withoutSpeakerNotes(bundle: CourseBundle): CourseBundle {
  const content = Object.fromEntries(
    Object.entries(bundle.content).map(([language, localized]) => [
      language,
      { ...localized, modules: localized.modules.map((module) => ({ ...module, pages: module.pages.map((page) => ({ ...page, blocks: learnerBlocks(page.blocks) })) })) },
    ]),
  )
  return { ...bundle, content }
}
