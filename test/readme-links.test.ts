import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')

/** The files the README links to or shows: Markdown links and images, and HTML src and href, that are not web addresses or anchors. */
function localTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g), ...markdown.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string)
  return [...new Set(targets.filter((target) => !/^(https?:|mailto:|#)/.test(target)).map((target) => target.split('#')[0] as string))]
}

describe('README', () => {
  it('links only to files that are in the repository, every screenshot of the gallery included', () => {
    const targets = localTargets(readFileSync(path.join(root, 'README.md'), 'utf8'))
    expect(targets.filter((target) => target.startsWith('docs/screenshots/gallery/')).length).toBeGreaterThanOrEqual(19 * 4)
    expect(targets.filter((target) => !existsSync(path.join(root, target)))).toEqual([])
  })
})
