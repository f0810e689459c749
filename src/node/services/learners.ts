import { FIRST_LEARNER_NAME } from '../../core/app-defaults'
import type { Handlers } from '../api-router'
import { LearnerStore } from '../learner-store'
import { openSettingsStore, type SettingsStore } from '../settings-store'
import { TrainerGate } from './trainer'


/** What the device keeps about its learners: their profiles and progress, and the app's settings. */
export interface Learners {
  learners: LearnerStore
  settings: SettingsStore
  trainer: TrainerGate
}

/** Opens the data folder's stores; the learner store takes the one-writer lock first, so a second process is refused. */
export async function openLearners(dataDir: string): Promise<Learners> {
  const learners = await LearnerStore.open(dataDir, { defaultName: FIRST_LEARNER_NAME, lock: true })
  const settings = await openSettingsStore(dataDir).catch(async (error: unknown) => {
    await learners.close()
    throw error
  })
  return { learners, settings, trainer: new TrainerGate(learners) }
}

export function learnerHandlers({
  learners,
  settings,
  trainer,
}: Learners): Pick<
  Handlers,
  | 'settings.get'
  | 'settings.update'
  | 'profile.list'
  | 'profile.create'
  | 'profile.createMany'
  | 'profile.rename'
  | 'profile.delete'
  | 'profile.switch'
  | 'profile.setPin'
  | 'store.status'
  | 'data.deleteAll'
  | 'data.resetWorkshop'
> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'profile.list': () => learners.profiles(),
    'profile.create': ({ name }) => learners.createProfile(name),
    'profile.createMany': async ({ names }) => {
      // The workshop's list of learners: on a laptop with a trainer PIN, the trainer's to make.
      trainer.require()
      return { created: await learners.createProfiles(names) }
    },
    'profile.rename': ({ id, name }) => {
      trainer.requireManage(id, 'rename')
      return learners.renameProfile(id, name)
    },
    'profile.delete': async ({ id }) => {
      trainer.requireManage(id, 'change')
      await learners.deleteProfile(id)
      return { deleted: true as const }
    },
    'profile.switch': ({ id, pin }) => learners.switchProfile(id, pin),
    'profile.setPin': ({ id, pin }) => {
      trainer.requireManage(id, 'change')
      return learners.setPin(id, pin)
    },
    'store.status': () => ({ readOnly: learners.readOnly, notices: [...learners.notices, ...settings.notices] }),
    'data.deleteAll': async () => {
      // Every learner's data: on a laptop with a trainer PIN, the trainer's to delete.
      trainer.require()
      await learners.destroyAll(FIRST_LEARNER_NAME)
      await settings.reset()
      return { deleted: true as const }
    },
    'data.resetWorkshop': async () => {
      trainer.require()
      await learners.destroyAll(FIRST_LEARNER_NAME, { keepTrainerPin: true })
      return { reset: true as const }
    },
  }
}
