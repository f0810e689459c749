import { readFileSync } from 'node:fs'
import { open, readFile, rm } from 'node:fs/promises'
import os from 'node:os'

export class StoreLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holderPid: number,
  ) {
    super(
      `Another Civic Learn (process ${holderPid}) is already using the data in ${file}. ` +
        'Close it first, or start this one with a different data folder. ' +
        `If no other Civic Learn is running (after a restart another program can be given process number ${holderPid}), delete ${file} and start again.`,
    )
    this.name = 'StoreLockedError'
  }
}

interface LockOwner {
  pid: number
  hostname: string
}

/**
 * Whether a live process could be Civic Learn. On Linux its command line says; a process number
 * reused after a restart by some other program (a shell, `sleep`) leaves the lock stale. Elsewhere
 * any live process might be, and the error says how to recover.
 */
function couldBeCivicLearn(pid: number): boolean {
  let commandLine: string
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return true
  }
  return /node|electron|civic/i.test(commandLine)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string' ? { pid: owner.pid, hostname: owner.hostname } : null
  } catch {
    return null
  }
}

/** Locks this process holds: opening the same data twice in one process is refused too. */
const held = new Set<string>()

export interface LockHandle {
  release(): Promise<void>
}

/**
 * One writer per data file: a lock file created exclusively, naming the owning process. A lock
 * left by a process that no longer runs on this machine (a crash, a power cut) is taken over,
 * and so is one naming this process's id that it does not hold, or (on Linux) a live process
 * that is not Civic Learn (ids recycled after a reboot).
 */
export async function acquireLock(file: string): Promise<LockHandle> {
  if (held.has(file)) throw new StoreLockedError(file, process.pid)
  const me: LockOwner = { pid: process.pid, hostname: os.hostname() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600)
      await handle.writeFile(JSON.stringify(me))
      await handle.sync()
      await handle.close()
      held.add(file)
      return {
        release: async () => {
          held.delete(file)
          await rm(file, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = await readOwner(file)
      if (owner && owner.hostname === me.hostname && owner.pid !== me.pid && isAlive(owner.pid) && couldBeCivicLearn(owner.pid)) {
        throw new StoreLockedError(file, owner.pid)
      }
      if (owner && owner.hostname !== me.hostname) throw new StoreLockedError(file, owner.pid)
      await rm(file, { force: true })
    }
  }
  throw new Error(`Could not take the lock ${file}.`)
}
