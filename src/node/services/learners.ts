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
  const device = await openSettingsStore(dataDir).catch(async (error: unknown) => {
    await learners.close()
    throw error
  })
  return { learners, settings: learnerSettings(learners, device), trainer: new TrainerGate(learners) }
}

/**
 * The settings as the active learner has them: the language and nation they chose (kept with
 * their profile), and the device's for what they have not. A choice is the learner's and becomes
 * the device's too, which a new learner, or one who never chose, starts from. Switching learner on
 * a shared laptop brings back that learner's language and nation; everything that reads the
 * settings (the screens, certificates, notebooks, results) reads them through this.
 */
export function learnerSettings(learners: LearnerStore, device: SettingsStore): SettingsStore {
  const get = () => ({ ...device.get(), ...learners.activeChoices() })
  return {
    get,
    async update(patch) {
      // Learners written by a newer Civic Learn are read-only: the device keeps the choice then.
      if (!learners.readOnly) await learners.chooseForActive(patch)
      await device.update(patch)
      return get()
    },
    reset: () => device.reset(),
    get notices() {
      return device.notices
    },
    flush: () => device.flush(),
    close: () => device.close(),
  }
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
