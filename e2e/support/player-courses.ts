import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const FIXTURES = path.resolve(__dirname, '../fixtures')

/** Captions and chapters for the six-second test video, so the transcript has lines to follow. */
const CAPTIONS = `WEBVTT

00:00.000 --> 00:02.000
Welcome to the talk.

00:02.000 --> 00:04.000
Residents talk online every day.

00:04.000 --> 00:06.000
Listen before you post.
`

const CHAPTERS = `WEBVTT

00:00.000 --> 00:02.000
Introduction

00:02.000 --> 00:06.000
Listening
`

/**
 * A courses folder with the valid fixture courses (not the broken ones), where the every-block
 * course's video is a real, playable WebM (Chromium builds without H.264 cannot play MP4) with
 * captions and chapters of several cues.
 */
export async function playerCourses(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-player-courses-'))
  for (const course of ['every-block', 'minimal']) await cp(path.join(FIXTURES, 'courses', course), path.join(dir, course), { recursive: true })
  const course = path.join(dir, 'every-block')
  await cp(path.join(FIXTURES, 'player', 'talk.webm'), path.join(course, 'media', 'talk.webm'))
  await writeFile(path.join(course, 'media', 'talk.en.vtt'), CAPTIONS)
  await writeFile(path.join(course, 'media', 'talk.chapters.vtt'), CHAPTERS)
  for (const module of ['modules/blocks.md', 'translations/cy/modules/blocks.md']) {
    const file = path.join(course, module)
    await writeFile(file, (await readFile(file, 'utf8')).replace('src: media/talk.mp4', 'src: media/talk.webm'))
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
