import { describe, expect, it, vi } from 'vitest'
import { downloadFrom, readPickedFile, saveFile } from './download'

describe('saveFile', () => {
  it('downloads the bytes under the given name and type, and lets the URL go once the download has had time to read it', async () => {
    vi.useFakeTimers()
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob)
      return 'blob:civic/1'
    })
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicks: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download })
    })
    saveFile({ fileName: 'notebook.md', mediaType: 'text/markdown', base64: btoa('# Notes') })
    expect(clicks).toEqual([{ href: 'blob:civic/1', download: 'notebook.md' }])
    expect(created[0]?.type).toBe('text/markdown')
    expect(await created[0]?.text()).toBe('# Notes')
    expect(document.querySelector('a[download]')).toBeNull()
    vi.advanceTimersByTime(1_000)
    expect(revoke).not.toHaveBeenCalled()
    vi.advanceTimersByTime(60_000)
    expect(revoke).toHaveBeenCalledWith('blob:civic/1')
    vi.useRealTimers()
  })
})

describe('downloadFrom', () => {
  it('downloads what the web host serves at the address, under the given name, and leaves no link behind', () => {
    const clicks: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download })
    })
    downloadFrom('exports/0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b', 'demo-scorm12.zip')
    expect(clicks).toEqual([{ href: 'exports/0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b', download: 'demo-scorm12.zip' }])
    expect(document.querySelector('a[download]')).toBeNull()
  })
})

describe('readPickedFile', () => {
  it('reads a small file and refuses a large one', async () => {
    await expect(readPickedFile(new File(['{"a":1}'], 'r.json'), 100)).resolves.toBe('{"a":1}')
    await expect(readPickedFile(new File(['x'.repeat(200)], 'r.json'), 100)).rejects.toThrow('too-large')
  })
})
