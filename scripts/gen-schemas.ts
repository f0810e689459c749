import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { courseJsonSchemas } from '../src/core/course/json-schemas'

/**
 * Writes the JSON Schemas of course files into each folder given (the build passes out/schemas;
 * `npm run schemas` refreshes the copy kept in schemas/ for editors).
 */
export function renderSchemas(): Map<string, string> {
  return new Map(Object.entries(courseJsonSchemas()).map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]))
}

async function main(folders: string[]): Promise<void> {
  if (folders.length === 0) throw new Error('Usage: tsx scripts/gen-schemas.ts <folder>...')
  for (const folder of folders) {
    await mkdir(folder, { recursive: true })
    for (const [name, text] of renderSchemas()) await writeFile(path.join(folder, name), text)
    process.stdout.write(`JSON Schemas written to ${folder}\n`)
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`)
    process.exitCode = 1
  })
}
