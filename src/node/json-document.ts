import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import { writeFileAtomic } from './atomic-write'
import { setAside } from './store/set-aside'

export interface DocumentLog {
  warn(message: string): void
}

/**
 * A lowdb adapter for one JSON document checked against a schema. What it reads is untrusted:
 * a file that is not valid JSON or breaks the schema is moved aside (never deleted) and the
 * defaults are used, with a warning naming the file kept.
 */
class SchemaJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly log: DocumentLog,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      await this.setAside('it is not valid JSON')
      return null
    }
    const parsed = this.schema.safeParse(data)
    if (!parsed.success) {
      await this.setAside('its content is not what Civic Learn expects')
      return null
    }
    return parsed.data
  }

  async write(data: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true })
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`)
  }

  private async setAside(reason: string): Promise<void> {
    const kept = await setAside(this.file, new Date())
    this.log.warn(`${this.file} could not be read because ${reason}. It was kept as ${kept} and defaults are used.`)
  }
}

/** Opens (or creates) a schema-checked JSON document in lowdb. */
export async function openJsonDocument<T>(
  file: string,
  schema: z.ZodType<T>,
  defaults: T,
  log: DocumentLog = console,
): Promise<Low<T>> {
  const db = new Low<T>(new SchemaJsonAdapter(file, schema, log), defaults)
  await db.read()
  return db
}
