import { describe, expect, it } from 'vitest'
import { buildManifest, SCHEMA_FILES } from '../src/core/scorm/manifest'
import { validateManifest } from './support/validate-manifest'

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
      expect(await validateManifest(version, xml)).toEqual({ valid: true, errors: [] })
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

  it('a broken manifest fails schema validation in either version (the check can fail)', async () => {
    const xml2004 = buildManifest({ ...base, version: 'scorm2004' }).replace('completionSetByContent="true"', 'completionSetByContent="yes"')
    const result2004 = await validateManifest('scorm2004', xml2004)
    expect(result2004.valid).toBe(false)
    expect(result2004.errors.join('\n')).toContain("attribute 'completionSetByContent': 'yes' is not a valid value")
    const xml12 = buildManifest({ ...base, version: 'scorm12' }).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"')
    const result12 = await validateManifest('scorm12', xml12)
    expect(result12.valid).toBe(false)
    expect(result12.errors.join('\n')).toContain("The value 'lesson' is not an element of the set {'asset', 'sco'}")
  })
})
