import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VideoBlock } from '../../../core/course/blocks/video'
import BlockVideo from './BlockVideo.vue'
import { mountBlock } from './block-testing'
import { createWatchTracker, cueAt } from './video-watch'

const block: VideoBlock = {
  type: 'video',
  id: 'talk',
  title: 'A talk',
  src: 'media/talk.mp4',
  poster: 'media/poster.png',
  captions: 'media/talk.en.vtt',
  chapters: 'media/talk.chapters.vtt',
  online: 'https://www.youtube-nocookie.com/embed/abc123',
  transcript: 'Welcome to the talk. Then the detail.',
}

/** What `wrapper.get` returns: enough of an element wrapper to trigger events on it. */
interface ElementHandle {
  element: Element
  trigger(event: string): Promise<void>
}

/** Stands in for the browser's parsed WebVTT: a track with cues, delivered by the track's load event. */
async function loadTrack(track: ElementHandle, cues: { startTime: number; endTime: number; text: string }[], mode = 'showing') {
  const textTrack = { mode, cues }
  Object.defineProperty(track.element, 'track', { value: textTrack })
  await track.trigger('load')
  return textTrack
}

/** Plays the video element from `from` to `to` a quarter second at a time, as browsers report it. */
async function play(video: ElementHandle, from: number, to: number) {
  const element = video.element as HTMLVideoElement
  Object.defineProperty(element, 'paused', { configurable: true, value: false })
  Object.defineProperty(element, 'duration', { configurable: true, value: 60 })
  Object.defineProperty(element, 'currentTime', { configurable: true, writable: true, value: from })
  await video.trigger('play')
  for (let time = from; time <= to; time += 0.25) {
    element.currentTime = time
    await video.trigger('timeupdate')
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('BlockVideo', () => {
  it('plays the course file with native controls and captions on by default', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block)
    const video = wrapper.get('video')
    expect(video.attributes()).toMatchObject({ src: 'courses/demo/media/talk.mp4', poster: 'courses/demo/media/poster.png', controls: '', lang: 'en-GB' })
    const captions = wrapper.get('track[kind="captions"]')
    expect(captions.attributes()).toMatchObject({ src: 'courses/demo/media/talk.en.vtt', srclang: 'en-GB', default: '', label: 'Captions' })
    expect(wrapper.get('button[aria-pressed]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('.block-video__language').exists()).toBe(false)
  })

  it('starts with captions hidden, the cues kept for the transcript, when the learner turned them off in Settings', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block, { captions: false })
    const captions = wrapper.get('track[kind="captions"]')
    expect(captions.attributes('default')).toBeUndefined()
    expect(wrapper.get('button[aria-pressed]').attributes('aria-pressed')).toBe('false')
  })

  it('names the video player by the video’s title, for screen readers', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block)
    const video = wrapper.get('video')
    const labelledBy = video.attributes('aria-labelledby') ?? ''
    expect(labelledBy).not.toBe('')
    expect(wrapper.get(`[id="${labelledBy}"]`).text()).toBe('A talk')
  })

  it('marks English media on a Welsh page as English, and says so in Welsh', async () => {
    const { wrapper } = await mountBlock(BlockVideo, { ...block, language: 'en', transcript: 'Croeso i’r sgwrs.' }, { language: 'cy' })
    expect(wrapper.get('video').attributes('lang')).toBe('en-GB')
    expect(wrapper.get('track[kind="captions"]').attributes()).toMatchObject({ srclang: 'en-GB', label: 'Capsiynau (Saesneg)' })
    expect(wrapper.get('track[kind="chapters"]').attributes('srclang')).toBe('en-GB')
    expect(wrapper.get('.block-video__language').text()).toBe("Mae'r fideo hwn yn Saesneg, gyda chapsiynau Saesneg.")
    // The cues come from the English captions; the full transcript is the page's Welsh text.
    await loadTrack(wrapper.get('track[kind="captions"]'), [{ startTime: 0, endTime: 4, text: 'Welcome to the talk.' }])
    expect(wrapper.get('[data-testid="transcript-cues"]').attributes('lang')).toBe('en-GB')
    expect(wrapper.get('details').attributes('lang')).toBeUndefined()
  })

  it('marks Welsh media on a Welsh page as Welsh', async () => {
    const welsh: VideoBlock = { ...block, src: 'media/talk.cy.mp4', captions: 'media/talk.cy.vtt', poster: 'media/talk.cy.poster.png', language: 'cy' }
    const { wrapper } = await mountBlock(BlockVideo, welsh, { language: 'cy' })
    expect(wrapper.get('video').attributes()).toMatchObject({ src: 'courses/demo/media/talk.cy.mp4', lang: 'cy' })
    expect(wrapper.get('track[kind="captions"]').attributes()).toMatchObject({ src: 'courses/demo/media/talk.cy.vtt', srclang: 'cy', label: 'Capsiynau' })
    expect(wrapper.find('.block-video__language').exists()).toBe(false)
    await loadTrack(wrapper.get('track[kind="captions"]'), [{ startTime: 0, endTime: 4, text: 'Croeso.' }])
    expect(wrapper.get('[data-testid="transcript-cues"]').attributes('lang')).toBeUndefined()
  })

  it('treats a block with no language of its own as the course language, even on a Welsh page', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block, { language: 'cy' })
    expect(wrapper.get('video').attributes('lang')).toBe('en-GB')
    expect(wrapper.get('track[kind="captions"]').attributes('label')).toBe('Capsiynau (Saesneg)')
  })

  it('tells English learners when a video is in Welsh', async () => {
    const { wrapper } = await mountBlock(BlockVideo, { ...block, language: 'cy' })
    expect(wrapper.get('video').attributes('lang')).toBe('cy')
    expect(wrapper.get('track[kind="captions"]').attributes('label')).toBe('Captions (Welsh)')
    expect(wrapper.get('.block-video__language').text()).toBe('This video is in Welsh, with Welsh captions.')
  })

  it('switches captions off and on, keeping the cues loaded for the transcript', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block)
    const track = await loadTrack(wrapper.get('track[kind="captions"]'), [{ startTime: 0, endTime: 4, text: 'Welcome to the talk.' }])
    const toggle = wrapper.get('button[aria-pressed]')
    await toggle.trigger('click')
    expect(track.mode).toBe('hidden')
    expect(toggle.attributes('aria-pressed')).toBe('false')
    await toggle.trigger('click')
    expect(track.mode).toBe('showing')
  })

  it('shows the captions as a transcript that follows playback and seeks when a line is chosen', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block)
    await loadTrack(wrapper.get('track[kind="captions"]'), [
      { startTime: 0, endTime: 4, text: 'Welcome to the talk.' },
      { startTime: 4, endTime: 9, text: 'Then   the detail.' },
    ])
    const lines = wrapper.get('[data-testid="transcript-cues"]').findAll('button')
    expect(lines.map((line) => line.text())).toEqual(['0:00 Welcome to the talk.', '0:04 Then the detail.'])
    await play(wrapper.get('video'), 4, 5)
    expect(lines[1]?.attributes('aria-current')).toBe('true')
    expect(lines[0]?.attributes('aria-current')).toBeUndefined()
    await lines[0]?.trigger('click')
    expect((wrapper.get('video').element as HTMLVideoElement).currentTime).toBe(0)
    expect(lines[0]?.attributes('aria-current')).toBe('true')
    expect(wrapper.get('details summary').text()).toBe('Full transcript as text')
  })

  it('lists the chapters as buttons that seek', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block)
    await loadTrack(wrapper.get('track[kind="chapters"]'), [
      { startTime: 0, endTime: 30, text: 'Introduction' },
      { startTime: 30, endTime: 60, text: 'Questions' },
    ], 'hidden')
    const chapters = wrapper.get('nav').findAll('button')
    expect(chapters.map((chapter) => chapter.text())).toEqual(['0:00 Introduction', '0:30 Questions'])
    await chapters[1]?.trigger('click')
    expect((wrapper.get('video').element as HTMLVideoElement).currentTime).toBe(30)
  })

  it('records the stretch the learner watched when playback pauses', async () => {
    const { wrapper, recorded } = await mountBlock(BlockVideo, block)
    await play(wrapper.get('video'), 2, 6)
    await wrapper.get('video').trigger('pause')
    expect(await recorded()).toEqual([{ type: 'video.watched', blockId: 'talk', from: 2, to: 6, duration: 60 }])
  })

  it('plays for a trainer presenting it, as it does not in a printed handout, and records nothing as their own', async () => {
    const handout = await mountBlock(BlockVideo, block, { host: { handout: true, headingOffset: 1, onLeave: () => () => undefined } })
    expect(handout.wrapper.find('video').exists()).toBe(false)
    const { wrapper, recorded } = await mountBlock(BlockVideo, block, { host: { handout: true, presenting: true, headingOffset: 1, onLeave: () => () => undefined } })
    await play(wrapper.get('video'), 2, 6)
    await wrapper.get('video').trigger('pause')
    expect(await recorded()).toEqual([])
  })

  it('falls back to the transcript when the file cannot be played', async () => {
    const { wrapper } = await mountBlock(BlockVideo, block)
    await wrapper.get('video').trigger('error')
    expect(wrapper.find('video').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toContain('cannot be played here')
    expect(wrapper.text()).toContain('Welcome to the talk. Then the detail.')
  })

  it('loads the online version only after the learner opts in', async () => {
    vi.stubGlobal('navigator', { ...navigator, onLine: true })
    const { wrapper } = await mountBlock(BlockVideo, block)
    expect(wrapper.find('iframe').exists()).toBe(false)
    expect(wrapper.text()).toContain('An online version of this video is on www.youtube-nocookie.com.')
    await wrapper.findAll('button').find((button) => button.text() === 'Watch the online version')?.trigger('click')
    expect(wrapper.get('iframe').attributes()).toMatchObject({ src: block.online, title: 'A talk (online video)' })
  })

  it('never offers the online version while offline', async () => {
    vi.stubGlobal('navigator', { ...navigator, onLine: false })
    const { wrapper } = await mountBlock(BlockVideo, { ...block, src: undefined, captions: undefined, chapters: undefined })
    await flushPromises()
    expect(wrapper.findAll('button').some((button) => button.text() === 'Watch the online version')).toBe(false)
    expect(wrapper.text()).toContain('You are offline')
    expect(wrapper.text()).toContain('Welcome to the talk.')
  })
})

describe('createWatchTracker', () => {
  it('reports continuous stretches, splits at seeks, and cuts long stretches into pieces', () => {
    const reports: [number, number][] = []
    const tracker = createWatchTracker((from, to) => reports.push([from, to]))
    for (let time = 0; time <= 10; time += 0.5) tracker.at(time)
    tracker.at(40)
    tracker.at(40.5)
    tracker.stop()
    for (let time = 100; time <= 135; time += 0.5) tracker.at(time)
    tracker.stop()
    tracker.stop()
    expect(reports).toEqual([
      [0, 10],
      [40, 40.5],
      [100, 130],
      [130, 135],
    ])
  })

  it('finds the cue showing at a time', () => {
    const cues = [
      { start: 0, end: 4, text: 'a' },
      { start: 5, end: 9, text: 'b' },
    ]
    expect([cueAt(cues, 0), cueAt(cues, 4.5), cueAt(cues, 5), cueAt(cues, 9)]).toEqual([0, -1, 1, -1])
  })
})
