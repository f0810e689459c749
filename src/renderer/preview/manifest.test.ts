import { describe, expect, it } from 'vitest'
import { buildManifest } from '../../core/scorm/manifest'
import { readLaunchInfo } from './manifest'

const options = { courseId: 'demo', courseVersion: '1.0.0', title: 'Demo & friends', launch: 'index.html', files: ['index.html', 'course.json'] }

describe('readLaunchInfo', () => {
  it.each(['scorm12', 'scorm2004'] as const)('reads the version, title and launch file of the exporter’s %s manifest', (version) => {
    expect(readLaunchInfo(buildManifest({ ...options, version, passMark: 80 }))).toEqual({ version, title: 'Demo & friends', launch: 'index.html', masteryScore: 80 })
    expect(readLaunchInfo(buildManifest({ ...options, version })).masteryScore).toBeNull()
  })

  it('takes IMS Simple Sequencing’s default of 1.0 for a 2004 objective satisfied by measure that gives none', () => {
    const xml = buildManifest({ ...options, version: 'scorm2004', passMark: 80 }).replace(/<imsss:minNormalizedMeasure>[^<]*<\/imsss:minNormalizedMeasure>/, '')
    expect(readLaunchInfo(xml).masteryScore).toBe(100)
  })

  it('finds the launch through the default organisation, whatever the prefixes', () => {
    const xml = `<?xml version="1.0"?>
<cp:manifest xmlns:cp="http://www.imsproject.org/xsd/imscp_rootv1p1p2" identifier="m">
  <cp:metadata><cp:schemaversion>1.2</cp:schemaversion></cp:metadata>
  <cp:organizations default="b">
    <cp:organization identifier="a"><cp:title>Wrong</cp:title><cp:item identifier="i0" identifierref="r0"/></cp:organization>
    <cp:organization identifier="b"><cp:title>Right</cp:title><cp:item identifier="i1"><cp:title>Group</cp:title><cp:item identifier="i2" identifierref="r1"/></cp:item></cp:organization>
  </cp:organizations>
  <cp:resources><cp:resource identifier="r0" href="wrong.html"/><cp:resource identifier="r1" href="sco/start.html"/></cp:resources>
</cp:manifest>`
    expect(readLaunchInfo(xml)).toEqual({ version: 'scorm12', title: 'Right', launch: 'sco/start.html', masteryScore: null })
  })

  it.each([
    ['<manifest', /not a well-formed manifest/],
    ['<html/>', /not a well-formed manifest/],
    ['<manifest><metadata><schemaversion>3.0</schemaversion></metadata></manifest>', /schema version "3.0"/],
    ['<manifest><metadata><schemaversion>1.2</schemaversion></metadata><organizations default="x"/></manifest>', /no default organisation/],
    [
      '<manifest><metadata><schemaversion>1.2</schemaversion></metadata><organizations default="o"><organization identifier="o"><item identifier="i" identifierref="r"/></organization></organizations><resources/></manifest>',
      /no item that launches a resource/,
    ],
    [
      '<manifest><metadata><schemaversion>1.2</schemaversion></metadata><organizations default="o"><organization identifier="o"><item identifier="i" identifierref="r"/></organization></organizations><resources><resource identifier="r" href="https://evil.example/x.html"/></resources></manifest>',
      /"https:\/\/evil.example\/x.html" is not a plain path inside the package/,
    ],
  ])('says what is wrong with %s', (xml, message) => {
    expect(() => readLaunchInfo(xml)).toThrow(message)
  })
})
