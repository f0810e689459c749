/**
 * The names of every API method, kept free of schemas so the preload can expose exactly these
 * without bundling the validation library. `contract.test.ts` proves this list matches the contract.
 */
export const METHOD_NAMES = [
  'app.info',
  'course.list',
  'course.get',
  'settings.get',
  'settings.update',
  'progress.get',
  'progress.record',
  'progress.overview',
  'profile.list',
  'profile.create',
  'profile.createMany',
  'profile.rename',
  'profile.delete',
  'profile.switch',
  'profile.setPin',
  'trainer.status',
  'trainer.unlock',
  'trainer.lock',
  'trainer.setPin',
  'certificate.create',
  'notebook.export',
  'record.export',
  'record.import',
  'comments.export',
  'feedback.read',
  'feedback.report',
  'feedback.export',
  'results.export',
  'results.table',
  'data.deleteAll',
  'data.resetWorkshop',
  'present.attendance',
  'workshop.networks',
  'workshop.start',
  'workshop.status',
  'workshop.items',
  'workshop.act',
  'workshop.ask',
  'workshop.record',
  'workshop.end',
  'handout.printToPdf',
  'export.scorm',
  'export.save',
  'store.status',
  'branding.get',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value)
}

/** The IPC channel for a method: one channel per method, never a generic one. */
export function ipcChannel(method: MethodName): string {
  return `civic:${method}`
}
