import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { validateXML } from 'xmllint-wasm'
import type { ScormVersion } from '../../src/core/scorm/manifest'

const SCHEMAS = path.resolve(__dirname, '../../resources/scorm-schemas')
const FOLDER: Record<ScormVersion, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' }
const DRIVER = '_validate_all.xsd'

export interface ManifestValidation {
  valid: boolean
  /** xmllint's messages, one a line, when the manifest is not valid. */
  errors: string[]
}

/**
 * Validates an imsmanifest.xml against the official schemas of its version, through the driver
 * schema `_validate_all.xsd` that imports every namespace a manifest uses, so the extension
 * elements are checked strictly too (resources/scorm-schemas/README.md).
 *
 * libxml2's xmllint runs compiled to WebAssembly (xmllint-wasm), so no system tool is needed, and
 * it sees only the files given to it here, so it never reaches the network. xmllint-wasm 4 carries
 * libxml2 2.10: later versions refuse to compile the official IMS schemas themselves (ims_xml.xsd
 * declares the xml namespace as its default, and imsmd_rootv1p2p1.xsd has non-deterministic
 * content models), which every LMS and ADL's own tools accept.
 *
 * `schemaDir` holds the schema files: by default this repository's copies; give an unpacked
 * package's folder to check the files it ships. The driver always comes from this repository,
 * since packages never carry it.
 */
export async function validateManifest(version: ScormVersion, xml: string, schemaDir = path.join(SCHEMAS, FOLDER[version])): Promise<ManifestValidation> {
  const read = async (dir: string, fileName: string) => ({ fileName, contents: await readFile(path.join(dir, fileName), 'utf8') })
  const names = (await readdir(schemaDir)).filter((name) => name !== DRIVER && /\.(xsd|dtd)$/.test(name)).sort()
  const [driver, ...schemas] = await Promise.all([read(path.join(SCHEMAS, FOLDER[version]), DRIVER), ...names.map((name) => read(schemaDir, name))])
  const result = await validateXML({ xml: { fileName: 'imsmanifest.xml', contents: xml }, schema: driver, preload: schemas })
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) }
}
