import { describe, expect, it, vi } from 'vitest'
import { saveBeforeQuit } from './quit'

function services(saveFailures: number, closeError?: Error) {
  let failures = saveFailures
  return {
    save: vi.fn(async () => {
      if (failures-- > 0) throw new Error('Civic Learn could not save learners/a.json: the disk is full (ENOSPC). Free some space, then try again.')
    }),
    close: vi.fn(async () => {
      if (closeError) throw closeError
    }),
  }
}

describe('saveBeforeQuit', () => {
  it('saves the window, then the data, and quits without a question when all is saved', async () => {
    const order: string[] = []
    const app = services(0)
    app.save.mockImplementation(async () => void order.push('data'))
    const dialogs = { askRetry: vi.fn(() => true), tell: vi.fn() }
    await saveBeforeQuit(app, async () => void order.push('window'), dialogs)
    expect(order).toEqual(['window', 'data'])
    expect(app.close).toHaveBeenCalledOnce()
    expect(dialogs.askRetry).not.toHaveBeenCalled()
    expect(dialogs.tell).not.toHaveBeenCalled()
  })

  it('asks the learner to free space and try again while saving fails, naming what could not be saved', async () => {
    const app = services(2)
    const dialogs = { askRetry: vi.fn(() => true), tell: vi.fn() }
    await saveBeforeQuit(app, async () => undefined, dialogs)
    expect(dialogs.askRetry).toHaveBeenCalledTimes(2)
    expect(dialogs.askRetry).toHaveBeenCalledWith(expect.stringMatching(/learners\/a\.json: the disk is full/))
    expect(app.save).toHaveBeenCalledTimes(3)
    expect(dialogs.tell).not.toHaveBeenCalled()
  })

  it('tells the learner where the unsaved data was kept when they quit anyway', async () => {
    const app = services(1, new Error('Civic Learn could not save learners/a.json … The changes it could not save were kept in learners/a.json.unsaved-1.'))
    const dialogs = { askRetry: vi.fn(() => false), tell: vi.fn() }
    await saveBeforeQuit(app, async () => undefined, dialogs)
    expect(dialogs.tell).toHaveBeenCalledWith(expect.stringMatching(/kept in learners\/a\.json\.unsaved-1/))
  })
})
