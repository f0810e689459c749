import { describe, expect, it } from 'vitest'
import { cpdHours, type CourseBundle } from './bundle'
import { loadCourse } from './load-course'
import type { CourseSourceFile } from './source'
import { BANK, COURSE, FRONT, loadTestCourse as load } from './test-course'

const QUIZ = '::: quiz {id: quiz, bank: bank}\n:::\n'

describe('module bodies', () => {
  it('splits pages at # headings and keeps Markdown between blocks as text', () => {
    const { blocks, bundle, problems } = load(`# One {#one}\n\nIntro.\n\n::: callout {kind: note}\nNoted.\n:::\n\nOutro.\n\n# Two {#two}\n\n${QUIZ}`)
    expect(problems).toEqual([])
    expect(bundle?.content.en?.modules[0]?.pages.map((page) => page.id)).toEqual(['one', 'two'])
    expect(blocks.map((block) => block.type)).toEqual(['text', 'callout', 'text', 'quiz'])
  })

  it('gives legal notes the course jurisdiction when neither they nor the module name one', () => {
    const { blocks } = load(`# One {#one}\n\n::: callout {kind: legal}\nThe law.\n:::\n\n${QUIZ}`)
    expect(blocks[0]).toEqual({ type: 'callout', kind: 'legal', jurisdiction: ['wales'], markdown: 'The law.' })
  })

  it('takes the course pass mark for quizzes without their own, and draws every question by default', () => {
    const { blocks } = load(`# One {#one}\n\n${QUIZ}`)
    expect(blocks[0]).toMatchObject({ type: 'quiz', passMark: 60, draw: 1, shuffle: false })
  })

  it('warns about a quiz whose pass mark is below the course’s, since the course is judged on the mean', () => {
    expect(load('# One {#one}\n\n::: quiz {id: quiz, bank: bank, passMark: 50}\n:::\n').problems).toEqual([
      'module.md:9:33 warning The quiz\'s pass mark (50%) is below the course\'s (60%): a learner could pass every quiz and still not pass the course, which is judged on the mean of the best quiz scores.',
    ])
    expect(load('# One {#one}\n\n::: quiz {id: quiz, bank: bank, passMark: 90}\n:::\n').problems).toEqual([])
  })

  it('locates an attribute error at its value on the ::: line', () => {
    expect(load(`# One {#one}\n\n::: image {src: photo.png, alt: "  "}\n:::\n\n${QUIZ}`).problems).toEqual([
      'module.md:9:33 error "alt" is empty: describe what the image shows for people who cannot see it.',
    ])
  })

  it('checks heading order inside blocks too', () => {
    expect(load(`# One {#one}\n\n::: callout {kind: tip}\n### Too deep\n:::\n\n${QUIZ}`).problems).toEqual(['module.md:10:1 error The heading jumps from level 1 to level 3.'])
  })

  it('refuses blocks inside lists, remote images and unsafe links', () => {
    expect(load(`# One {#one}\n\n- item\n\n  ::: callout {kind: tip}\n  Hi.\n  :::\n\n![A photo](https://example.org/a.png) [x](ftp://example.org)\n\n${QUIZ}`).problems).toEqual([
      'module.md:11:3 error A ::: block cannot go inside a list or a quote.',
      'module.md:15:12 error Images must be files in the course folder.',
      'module.md:15:43 error "ftp://example.org" is not a file in the course folder.',
    ])
  })

  it('reads a links block into titled links with descriptions', () => {
    const { blocks, problems } = load(`# One {#one}\n\n::: links\n- [Guide](https://example.org/guide) — what it says\n- [Photo](photo.png)\n:::\n\n${QUIZ}`)
    expect(problems).toEqual([])
    expect(blocks[0]).toEqual({
      type: 'links',
      items: [
        { title: 'Guide', url: 'https://example.org/guide', description: 'what it says' },
        { title: 'Photo', url: 'photo.png' },
      ],
    })
  })

  it('reports a links block item without a link at its line', () => {
    expect(load(`# One {#one}\n\n::: links\n- [Guide](https://example.org/guide)\n- Just words\n:::\n\n${QUIZ}`).problems).toEqual([
      'module.md:11:1 error This list item does not start with a link.',
    ])
  })

  it('keeps the final assessment the course names, and reports one that names no module of the course', () => {
    const body = `# One {#one}\n\n${QUIZ}`
    expect(load(body, { 'course.yaml': `${COURSE}finalAssessment: module\n` }).bundle?.finalAssessment).toBe('module')
    expect(load(body, { 'course.yaml': `${COURSE}finalAssessment: final\n` }).problems).toEqual([
      'course.yaml:14:18 error "finalAssessment" names the module "final", which the course does not have.',
    ])
  })

  it('keeps the CPD hours the course states, in quarter hours, and says where one is not', () => {
    const body = `# One {#one}\n\n${QUIZ}`
    const bundle = load(body, { 'course.yaml': `${COURSE}cpdHours: 2.75\n` }).bundle
    expect(bundle?.cpdHours).toBe(2.75)
    expect(cpdHours(bundle as CourseBundle)).toBe(2.75)
    expect(load(body, { 'course.yaml': `${COURSE}cpdHours: 2.6\n` }).problems).toEqual(['course.yaml:14:11 error "cpdHours" is not in quarter hours: write it like 1.5 or 2.25.'])
  })

  it('keeps the course’s cover and a module’s picture, checked as images of the course', () => {
    const body = `# One {#one}\n\n${QUIZ}`
    const withPictures = {
      'course.yaml': `${COURSE}cover: media/cover.webp\n`,
      'module.md': FRONT.replace('minutes: 1\n', 'minutes: 1\nillustration: media/module.webp\n') + body,
    }
    const loaded = load(body, withPictures, { 'media/cover.webp': 2000, 'media/module.webp': 2000 })
    expect(loaded.problems).toEqual([])
    expect(loaded.bundle?.cover).toBe('media/cover.webp')
    expect(loaded.bundle?.content.en?.modules[0]?.illustration).toBe('media/module.webp')
    expect(load(body, { 'module.md': FRONT.replace('minutes: 1\n', 'minutes: 1\nillustration: media/module.svg\n') + body }).problems).toEqual([
      'module.md:6:15 error "media/module.svg" is not an image.',
    ])
  })

  it('warns about a bank no quiz uses', () => {
    expect(load('# One {#one}\n\nNo quiz here.\n').problems).toEqual(['bank.yaml:1:1 warning No quiz uses the question bank "bank".'])
  })
})

describe('media files', () => {
  function loadWith(body: string, media: string[]) {
    const files = new Map<string, CourseSourceFile>()
    for (const [path, text] of Object.entries({ 'course.yaml': COURSE, 'module.md': FRONT + body, 'bank.yaml': BANK, 'notes.md': 'Author notes.' })) {
      files.set(path, { kind: 'text', size: text.length, text })
    }
    for (const path of media) files.set(path, { kind: 'media', size: 100 })
    files.set('media/broken-link.png', { kind: 'refused', size: 0 })
    return loadCourse({ files, problems: [] }).problems.map((problem) => `${problem.file} ${problem.severity} ${problem.message}`)
  }

  it('warns about media files nothing in the course uses, and not about notes or used files', () => {
    const body = `# One {#one}\n\n::: image {src: media/used.png, alt: A chart.}\n:::\n\n${QUIZ}`
    expect(loadWith(body, ['media/used.png', 'media/old-photo.jpg', 'media/old-clip.mp4', 'media/handout.pdf'])).toEqual([
      'media/handout.pdf warning Nothing in the course uses this file.',
      'media/old-clip.mp4 warning Nothing in the course uses this file.',
      'media/old-photo.jpg warning Nothing in the course uses this file.',
    ])
  })

  it('says nothing about unused files while the course has errors: a broken reference may be the one meant for them', () => {
    const body = `# One {#one}\n\n::: image {src: media/usd.png, alt: A chart.}\n:::\n\n${QUIZ}`
    const problems = loadWith(body, ['media/used.png'])
    expect(problems.filter((problem) => problem.includes('Nothing in the course uses'))).toEqual([])
    expect(problems.some((problem) => problem.includes('error'))).toBe(true)
  })
})

describe('translations', () => {
  const translated = (module: string, bank = BANK) => ({
    'translations/cy/course.yaml': 'title: Prawf\nsummary: Prawf.\n',
    'translations/cy/module.md': module,
    'translations/cy/bank.yaml': bank,
  })
  const COURSE_CY = COURSE.replace('language: en\n', 'language: en\ntranslations: [cy]\n')

  function loadTranslated(body: string, translatedBody: string, bank?: string) {
    const files = new Map<string, CourseSourceFile>()
    for (const [path, text] of Object.entries({ 'course.yaml': COURSE_CY, 'module.md': FRONT + body, 'bank.yaml': BANK, ...translated(FRONT + translatedBody, bank) })) {
      files.set(path, { kind: 'text', size: text.length, text })
    }
    return loadCourse({ files, problems: [] })
  }

  it('reports a block whose type differs from the course language', () => {
    const result = loadTranslated(`# One {#one}\n\nText.\n\n${QUIZ}`, `# Un {#one}\n\n::: callout {kind: tip}\nTestun.\n:::\n\n${QUIZ}`)
    expect(result.bundle).toBeUndefined()
    expect(result.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      'translations/cy/module.md:9:1 This is a callout block where module.md has a text block.',
    ])
  })

  it('reports problems of the translation together with those of the course language', () => {
    const result = loadTranslated(`# One {#one}\n\n::: calout\nX\n:::\n\n${QUIZ}`, `# Un {#one}\n\n::: calout\nX\n:::\n\n${QUIZ}\n::: image {src: llun.png, alt: Llun}\n:::\n`)
    expect(result.problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([
      'module.md:9 Unknown block "::: calout".',
      'translations/cy/module.md:9 Unknown block "::: calout".',
      'translations/cy/module.md:16 The file "llun.png" does not exist.',
    ])
  })

  it('translates speaker notes as any text, and keeps them where the course language has them', () => {
    const result = loadTranslated(`# One {#one}\n\nText.\n\n::: notes\nAsk the room first.\n:::\n\n${QUIZ}`, `# Un {#one}\n\nTestun.\n\n::: notes\nGofynnwch i’r ystafell yn gyntaf.\n:::\n\n${QUIZ}`)
    expect(result.problems).toEqual([])
    const notes = (language: 'en' | 'cy') => result.bundle?.content[language]?.modules[0]?.pages[0]?.blocks.find((block) => block.type === 'notes')
    expect(notes('en')).toEqual({ type: 'notes', markdown: 'Ask the room first.' })
    expect(notes('cy')).toEqual({ type: 'notes', markdown: 'Gofynnwch i’r ystafell yn gyntaf.' })
    const moved = loadTranslated(`# One {#one}\n\nText.\n\n::: notes\nAsk the room first.\n:::\n\n${QUIZ}`, `# Un {#one}\n\n::: notes\nGofynnwch.\n:::\n\nTestun.\n\n${QUIZ}`)
    expect(moved.problems.map((problem) => problem.message)).toContain('This is a notes block where module.md has a text block.')
  })

  it('uses translated questions in the translated quiz', () => {
    const result = loadTranslated(`# One {#one}\n\n${QUIZ}`, `# Un {#one}\n\n${QUIZ}`, BANK.replace('prompt: True?', 'prompt: Gwir?'))
    expect(result.problems).toEqual([])
    const quiz = result.bundle?.content.cy?.modules[0]?.pages[0]?.blocks[0]
    expect(quiz?.type === 'quiz' && quiz.questions[0]?.prompt).toBe('Gwir?')
    expect(result.bundle?.content.cy?.modules[0]?.pages[0]?.title).toBe('Un')
  })
})

describe('scenario bodies', () => {
  it('locates problems in the YAML body by the lines of the module file, blank lines included', () => {
    const scenario = '::: scenario {id: s, title: S}\n\nsteps:\n  - id: a\n    text: Start.\n    choices:\n      - text: Go.\n        feedback: Gone.\n        next: b\n:::\n'
    expect(load(`# One {#one}\n\n${scenario}\n${QUIZ}`).problems).toEqual(['module.md:17:15 error There is no step "b" in this scenario.'])
  })

  it('keeps the characters, each with a drawing of its own unless the author chose one, and refuses two with one id', () => {
    const cast = (characters: string) => `# One {#one}\n\n::: scenario {id: s, title: S}\ncharacters:\n${characters}steps:\n  - id: a\n    text: The end.\n:::\n\n${QUIZ}`
    const three = '  - {id: tom, name: Cllr Tom Hale, role: councillor}\n  - {id: gail, name: Gail, role: a resident, avatar: 1}\n  - {id: ann, name: Ann, role: the clerk}\n'
    const block = load(cast(three)).blocks.find((candidate) => candidate.type === 'scenario')
    expect(block).toMatchObject({
      characters: [
        { id: 'tom', name: 'Cllr Tom Hale', role: 'councillor', avatar: 2 },
        { id: 'gail', name: 'Gail', role: 'a resident', avatar: 1 },
        { id: 'ann', name: 'Ann', role: 'the clerk', avatar: 3 },
      ],
    })
    expect(load(cast('  - {id: tom, name: Tom, role: councillor}\n  - {id: tom, name: Tam, role: resident}\n')).problems).toEqual(['module.md:12:10 error Two characters have the id "tom".'])
  })
})

describe('cpdHours', () => {
  it('is the estimated time to the nearest quarter hour where the course states none, and at least a quarter', () => {
    expect(cpdHours({ minutes: 270 })).toBe(4.5)
    expect(cpdHours({ minutes: 100 })).toBe(1.75)
    expect(cpdHours({ minutes: 1 })).toBe(0.25)
    expect(cpdHours({ minutes: 270, cpdHours: 3 })).toBe(3)
  })
})
