import { SAFE_PACKAGE_PATH, type ScormVersion } from '../../core/scorm/manifest'

/** What an LMS reads from a package's manifest to launch it. */
export interface LaunchInfo {
  version: ScormVersion
  title: string
  /** The launch file, relative to the package root. */
  launch: string
  /** The pass mark an LMS judges the score by, 0–100 (1.2's mastery score, 2004's minimum measure × 100); null without one. */
  masteryScore: number | null
}

export class ManifestProblem extends Error {}

/** Elements by local name, whatever namespace prefix the manifest uses. */
function byName(parent: Element | Document, name: string): Element[] {
  return [...parent.getElementsByTagName('*')].filter((element) => element.localName === name)
}

/**
 * Reads imsmanifest.xml as an LMS does on upload: the SCORM version from the schema version,
 * the default organisation's first item, and the resource it launches. Says what is wrong
 * when any of these is missing, since an LMS would refuse the package.
 */
export function readLaunchInfo(xml: string): LaunchInfo {
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement.localName !== 'manifest') {
    throw new ManifestProblem('imsmanifest.xml is not a well-formed manifest.')
  }
  const schemaVersion = byName(doc, 'schemaversion')[0]?.textContent?.trim() ?? ''
  const version: ScormVersion | null = schemaVersion === '1.2' ? 'scorm12' : /^(2004|CAM 1\.3)/.test(schemaVersion) ? 'scorm2004' : null
  if (!version) throw new ManifestProblem(`imsmanifest.xml names schema version "${schemaVersion}", which is neither SCORM 1.2 nor 2004.`)

  const organizations = byName(doc, 'organizations')[0]
  const organisationId = organizations?.getAttribute('default')
  const organisation = byName(doc, 'organization').find((element) => element.getAttribute('identifier') === organisationId)
  if (!organisation) throw new ManifestProblem('imsmanifest.xml has no default organisation.')
  const item = byName(organisation, 'item').find((element) => element.hasAttribute('identifierref'))
  const resourceId = item?.getAttribute('identifierref')
  const resource = byName(doc, 'resource').find((element) => element.getAttribute('identifier') === resourceId)
  const href = resource?.getAttribute('href') ?? ''
  if (!resource || !href) throw new ManifestProblem('imsmanifest.xml has no item that launches a resource with an href.')
  if (!SAFE_PACKAGE_PATH.test(href)) throw new ManifestProblem(`The launch file "${href}" is not a plain path inside the package.`)
  const title = [...organisation.children].find((child) => child.localName === 'title')?.textContent?.trim() ?? ''
  return { version, title, launch: href, masteryScore: masteryScoreOf(version, item as Element) }
}

/**
 * 1.2's masteryscore on the item; 2004's minimum normalised measure of a primary objective
 * satisfied by measure, which is 1.0 when the objective does not give one (IMS SS's default).
 */
function masteryScoreOf(version: ScormVersion, item: Element): number | null {
  const objective = byName(item, 'primaryObjective').find((element) => element.getAttribute('satisfiedByMeasure') === 'true')
  const text = version === 'scorm12' ? byName(item, 'masteryscore')[0]?.textContent : objective && (byName(objective, 'minNormalizedMeasure')[0]?.textContent ?? '1.0')
  const value = Number(text?.trim() || Number.NaN)
  if (!Number.isFinite(value)) return null
  return version === 'scorm12' ? value : Math.round(value * 10_000) / 100
}
