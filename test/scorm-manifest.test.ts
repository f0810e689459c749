import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildManifest, SCHEMA_FILES, type ScormVersion } from '../src/core/scorm/manifest'

const schemas = path.resolve(__dirname, '../resources/scorm-schemas')
const folder: Record<ScormVersion, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' }
let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-manifest-'))
  execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Validates with the driver schema that imports every namespace, as SCORM-NOTES describes. */
async function validate(version: ScormVersion, xml: string): Promise<{ status: number | null; stderr: string }> {
  const dir = await mkdtemp(path.join(work, `${version}-`))
  await cp(path.join(schemas, folder[version]), dir, { recursive: true })
  await writeFile(path.join(dir, 'imsmanifest.xml'), xml)
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', '_validate_all.xsd', 'imsmanifest.xml'], {
    cwd: dir,
    encoding: 'utf8',
  })
  return { status: result.status, stderr: result.stderr }
}

const base = {
  courseId: '2026-social-media',
  courseVersion: '1.0.0',
  title: 'Social media & "local" <leaders>',
  launch: 'index.html',
  files: ['index.html', 'assets/player.js', 'media/m1/intro.mp4'],
}

describe.each(['scorm12', 'scorm2004'] as const)('%s manifest', (version) => {
  it('validates against the official schemas, with and without a pass mark', async () => {
    for (const passMark of [80, undefined]) {
      const xml = buildManifest({ ...base, version, passMark })
      const result = await validate(version, xml)
      expect(result.stderr).toContain('validates')
      expect(result.status).toBe(0)
    }
  })

  it('lists every file once, sorted, and escapes the title', () => {
    const xml = buildManifest({ ...base, version })
    const hrefs = [...xml.matchAll(/<file href="([^"]+)"/g)].map((match) => match[1])
    expect(hrefs).toEqual(['assets/player.js', 'index.html', 'media/m1/intro.mp4'])
    expect(xml).toContain('Social media &amp; &quot;local&quot; &lt;leaders&gt;')
    expect(xml).toContain('identifier="civic_learn_2026-social-media"')
  })

  it('is identical for the same input in any file order', () => {
    expect(buildManifest({ ...base, version, files: [...base.files].reverse() })).toBe(buildManifest({ ...base, version }))
  })

  it.each([['media/my video.mp4'], ['media/caf\u00e9.mp4'], ['../escape.js'], ['/abs.js'], ['a~b.js']])(
    'refuses the unsafe package path %s',
    (bad) => {
      expect(() => buildManifest({ ...base, version, files: [...base.files, bad] })).toThrow(/not safe/)
    },
  )

  it('lists the schema files the package must carry', () => {
    expect(SCHEMA_FILES[version].length).toBeGreaterThan(3)
  })
})

describe('version specifics', () => {
  it('SCORM 1.2: lower-case scormtype and the mastery score', () => {
    const xml = buildManifest({ ...base, version: 'scorm12', passMark: 80 })
    expect(xml).toContain('adlcp:scormtype="sco"')
    expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>')
    expect(xml).toContain('<schemaversion>1.2</schemaversion>')
  })

  it('SCORM 2004: camelCase scormType, content-set completion and the scaled passing score', () => {
    const xml = buildManifest({ ...base, version: 'scorm2004', passMark: 80 })
    expect(xml).toContain('adlcp:scormType="sco"')
    expect(xml).toContain('completionSetByContent="true" objectiveSetByContent="true"')
    expect(xml).toContain('<imsss:controlMode choice="true" flow="true"/>')
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.80</imsss:minNormalizedMeasure>')
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>')
  })

  it('a broken manifest fails schema validation (the check can fail)', async () => {
    const xml = buildManifest({ ...base, version: 'scorm2004' }).replace('completionSetByContent="true"', 'completionSetByContent="yes"')
    expect((await validate('scorm2004', xml)).status).toBe(3)
  })
})
