/** The two SCORM versions Civic Learn exports. 1.2 is the default: every LMS supports it well. */
export type ScormVersion = 'scorm12' | 'scorm2004'

export const SCHEMA_FILES: Record<ScormVersion, readonly string[]> = {
  scorm12: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
  scorm2004: [
    'XMLSchema.dtd',
    'adlcp_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'datatypes.dtd',
    'imscp_v1p1.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
  ],
}

export interface ManifestOptions {
  version: ScormVersion
  /** The course id ([a-z0-9-]); made into an XML ID for the manifest. */
  courseId: string
  courseVersion: string
  title: string
  /** Launch file, relative to the package root. */
  launch: string
  /** Every file of the package except the manifest, relative to the root, `/`-separated. */
  files: readonly string[]
  /** Pass mark in per cent, when the course has an assessment. */
  passMark?: number
}

/**
 * File names every LMS accepts (LMSs mangle spaces, `~` and non-ASCII), relative to the package
 * root with no `.` or `..` step, so a path never leaves the package.
 */
export const SAFE_PACKAGE_PATH = /^(?!.*(^|\/)\.{1,2}(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[char]};`)
}

/** An XML ID from a course id: never starts with a digit, no colons or spaces. */
export function manifestIdentifier(courseId: string): string {
  return `civic_learn_${courseId.replace(/[^A-Za-z0-9_.-]/g, '_')}`
}

function fileList(files: readonly string[], indent: string): string {
  return [...files]
    .sort()
    .map((file) => `${indent}<file href="${escapeXml(file)}"/>`)
    .join('\n')
}

function checkFiles(options: ManifestOptions): void {
  const bad = options.files.filter((file) => !SAFE_PACKAGE_PATH.test(file) || file.split('/').includes('..'))
  if (bad.length > 0) throw new Error(`These package paths are not safe for every LMS: ${bad.join(', ')}`)
  if (!options.files.includes(options.launch)) throw new Error(`The launch file ${options.launch} is not in the package.`)
  if (options.passMark !== undefined && !(options.passMark >= 0 && options.passMark <= 100)) {
    throw new Error(`The pass mark must be between 0 and 100, not ${options.passMark}.`)
  }
}

function scorm12(options: ManifestOptions): string {
  const id = manifestIdentifier(options.courseId)
  const title = escapeXml(options.title)
  const mastery = options.passMark === undefined ? '' : `\n        <adlcp:masteryscore>${Math.round(options.passMark)}</adlcp:masteryscore>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${escapeXml(options.courseVersion)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org_1">
    <organization identifier="org_1">
      <title>${title}</title>
      <item identifier="item_1" identifierref="resource_1" isvisible="true">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="resource_1" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(options.launch)}">
${fileList(options.files, '      ')}
    </resource>
  </resources>
</manifest>
`
}

function scorm2004(options: ManifestOptions): string {
  const id = manifestIdentifier(options.courseId)
  const title = escapeXml(options.title)
  // Without these, sequencing defaults let the LMS mark the course complete at launch.
  const objectives =
    options.passMark === undefined
      ? ''
      : `
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass_mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(options.passMark / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${escapeXml(options.courseVersion)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org_1">
    <organization identifier="org_1">
      <title>${title}</title>
      <item identifier="item_1" identifierref="resource_1">
        <title>${title}</title>
        <imsss:sequencing>${objectives}
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="resource_1" type="webcontent" adlcp:scormType="sco" href="${escapeXml(options.launch)}">
${fileList(options.files, '      ')}
    </resource>
  </resources>
</manifest>
`
}

/**
 * The imsmanifest.xml for a single-SCO package. Every file is listed, names are checked against
 * what LMSs accept, and the output is byte-identical for the same input (files sorted).
 */
export function buildManifest(options: ManifestOptions): string {
  checkFiles(options)
  return options.version === 'scorm12' ? scorm12(options) : scorm2004(options)
}
