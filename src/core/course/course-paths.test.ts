import { describe, expect, it } from 'vitest'
import { extensionOf, resolveCoursePath } from './course-paths'

describe('resolveCoursePath', () => {
  it.each([
    ['media/photo.png', 'media/photo.png'],
    ['./media//photo.png', 'media/photo.png'],
    ['modules/../media/photo.png', 'media/photo.png'],
    [' media/photo.png ', 'media/photo.png'],
  ])('normalizes %j', (reference, expected) => {
    expect(resolveCoursePath(reference)).toEqual({ ok: true, path: expected })
  })

  it.each([
    ['../outside.md', 'leaves the course folder'],
    ['media/../../outside.md', 'leaves the course folder'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Users/me/photo.png', 'is not a file in the course folder'],
    ['https://example.org/photo.png', 'is not a file in the course folder'],
    ['file:///etc/passwd', 'is not a file in the course folder'],
    ['media\\photo.png', 'uses backslashes'],
    ['', 'The path is empty.'],
    ['media/..', 'is a folder, not a file'],
  ])('refuses %j', (reference, message) => {
    const result = resolveCoursePath(reference)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toContain(message)
  })

  it('reads extensions case-insensitively and ignores dotfiles', () => {
    expect(extensionOf('media/Photo.JPG')).toBe('.jpg')
    expect(extensionOf('media/.hidden')).toBe('')
    expect(extensionOf('media.d/readme')).toBe('')
  })
})
