/**
 * Draws the bundled course's artwork: a cover for the course and a picture for each module and
 * each "Real case" page, as
 * WebP files in the course's media folder (drawn as SVG, then rendered by Chromium: a course's
 * images are never SVG, which can carry scripts into an LMS's site). Each is a small flat scene (a phone showing a post, the
 * module's subject as a large icon, two badges) in the module's own colours, built from Lucide's
 * icons (ISC licence, https://lucide.dev; the `lucide` package the app's icons come from). The pictures are
 * decorative: the course and module titles beside them say what they are.
 *
 *   npx tsx scripts/make-illustrations.ts
 *
 * Running it again gives the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { icons, type IconNode } from 'lucide'
import { chromiumLaunchOptions } from '../e2e/support/browser'

const OUT = path.resolve(__dirname, '../courses/social-media-for-local-leaders/media/illustrations')

interface Palette {
  background: string
  shape: string
  shapeDeep: string
  ink: string
  accent: string
}

interface Scene {
  name: string
  palette: Palette
  /** Lucide icon names: the large one, then the two badges. */
  icons: [string, string, string]
}

const palette = (background: string, shape: string, shapeDeep: string, ink: string, accent: string): Palette => ({ background, shape, shapeDeep, ink, accent })

const MODULES: Scene[] = [
  { name: '01-why-social-media-matters', palette: palette('#e6f0fa', '#cfe2f5', '#b8d4ef', '#0b3a5e', '#00558c'), icons: ['megaphone', 'heart', 'messages-square'] },
  { name: '02-choosing-your-channels', palette: palette('#e3f4f1', '#c6e9e2', '#a9ddd3', '#0d4a40', '#13756a'), icons: ['smartphone', 'globe', 'users'] },
  { name: '03-listening-and-casework', palette: palette('#e8f5ea', '#cfeacc', '#b5dfb0', '#1d4d25', '#2a7447'), icons: ['ear', 'inbox', 'message-circle'] },
  { name: '04-publicity-and-elections', palette: palette('#f1ecf8', '#e0d4f2', '#cdbbe9', '#3b2560', '#5b3a8c'), icons: ['vote', 'calendar-days', 'megaphone'] },
  { name: '05-conduct-and-standards', palette: palette('#eaeefa', '#d4dcf4', '#bcc8ee', '#1f2b63', '#3949ab'), icons: ['scale', 'shield-check', 'landmark'] },
  { name: '06-legal-risks', palette: palette('#f8eaee', '#f0d2db', '#e6b8c6', '#5a1530', '#8c2346'), icons: ['gavel', 'copyright', 'newspaper'] },
  { name: '07-abuse-security-wellbeing', palette: palette('#fff1e3', '#fde0c2', '#f9cc9c', '#5c2d00', '#9a4d00'), icons: ['shield-check', 'lock', 'heart-handshake'] },
  { name: '08-accessible-posting', palette: palette('#e4f5f8', '#c5e9f0', '#a4dbe6', '#0a4450', '#0e6f80'), icons: ['accessibility', 'captions', 'image'] },
  { name: '09-leading-a-digital-council', palette: palette('#e8edf3', '#d0dae6', '#b6c6d9', '#15283d', '#2d4a6b'), icons: ['landmark', 'network', 'users'] },
  { name: '10-final-assessment', palette: palette('#fbf4dc', '#f5e6b0', '#eed684', '#4d3b00', '#8a6a00'), icons: ['award', 'list-checks', 'graduation-cap'] },
]

/** The "Real case" pages: each its module's colours, with icons for what happened in it. */
const moduleColours = (name: string): Palette => (MODULES.find((scene) => scene.name === name) as Scene).palette
const CASES: Scene[] = [
  { name: 'case-casework-real-case', palette: moduleColours('03-listening-and-casework'), icons: ['video', 'messages-square', 'users'] },
  { name: 'case-conduct-real-cases', palette: moduleColours('05-conduct-and-standards'), icons: ['scale', 'file-text', 'message-square-warning'] },
  { name: 'case-legal-real-case', palette: moduleColours('06-legal-risks'), icons: ['gavel', 'newspaper', 'message-square-warning'] },
  { name: 'case-safety-real-case', palette: moduleColours('07-abuse-security-wellbeing'), icons: ['message-circle-warning', 'reply', 'scale'] },
  { name: 'case-leading-real-case', palette: moduleColours('09-leading-a-digital-council'), icons: ['image', 'landmark', 'file-text'] },
]

/** A Lucide icon's drawing by its kebab-case name ("heart-handshake"). */
async function icon(name: string): Promise<IconNode> {
  const key = name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())
  const node = (icons as Record<string, IconNode | undefined>)[key]
  if (!node) throw new Error(`Lucide has no icon "${name}".`)
  return node
}

const escape = (value: string | number) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** A Lucide icon (drawn on a 24-unit grid) placed at x, y and scaled to `size` units, in `colour`. */
function drawIcon(node: IconNode, x: number, y: number, size: number, colour: string, strokeWidth = 2): string {
  const shapes = node.map(([tag, attributes]) => {
    const pairs = Object.entries(attributes).flatMap(([key, value]) => (value === undefined ? [] : [`${key}="${escape(value)}"`]))
    return `<${tag} ${pairs.join(' ')}/>`
  })
  return `<g transform="translate(${x} ${y}) scale(${size / 24})" fill="none" stroke="${colour}" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${shapes.join('')}</g>`
}

/** A phone showing a post: an avatar, a name, three lines of text and a row of reactions. */
function phone(x: number, y: number, scale: number, { ink, accent, shape }: Palette): string {
  return [
    `<g transform="translate(${x} ${y}) scale(${scale})">`,
    `<rect width="120" height="200" rx="18" fill="#ffffff" stroke="${ink}" stroke-width="4"/>`,
    `<rect x="46" y="10" width="28" height="5" rx="2.5" fill="${ink}"/>`,
    `<circle cx="26" cy="40" r="11" fill="${accent}"/>`,
    `<rect x="44" y="34" width="52" height="7" rx="3.5" fill="${ink}"/>`,
    `<rect x="44" y="45" width="32" height="5" rx="2.5" fill="${shape}"/>`,
    `<rect x="14" y="64" width="92" height="52" rx="8" fill="${shape}"/>`,
    `<rect x="14" y="126" width="86" height="6" rx="3" fill="${ink}" opacity="0.55"/>`,
    `<rect x="14" y="139" width="72" height="6" rx="3" fill="${ink}" opacity="0.55"/>`,
    `<rect x="14" y="152" width="54" height="6" rx="3" fill="${ink}" opacity="0.55"/>`,
    `<circle cx="22" cy="178" r="6" fill="${accent}"/>`,
    `<circle cx="42" cy="178" r="6" fill="${shape}"/>`,
    `<circle cx="62" cy="178" r="6" fill="${shape}"/>`,
    '</g>',
  ].join('')
}

function badge(node: IconNode, cx: number, cy: number, radius: number, { accent }: Palette): string {
  const size = radius * 1.05
  return `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="${accent}"/>${drawIcon(node, cx - size / 2, cy - size / 2, size, '#ffffff')}`
}

async function moduleScene(scene: Scene): Promise<string> {
  const { palette: colours } = scene
  const [main, first, second] = await Promise.all(scene.icons.map(icon))
  return svg(480, 270, [
    `<rect width="480" height="270" fill="${colours.background}"/>`,
    `<circle cx="400" cy="30" r="130" fill="${colours.shape}"/>`,
    `<circle cx="40" cy="260" r="90" fill="${colours.shapeDeep}" opacity="0.6"/>`,
    phone(70, 38, 0.98, colours),
    `<circle cx="318" cy="140" r="86" fill="#ffffff" stroke="${colours.ink}" stroke-width="4"/>`,
    drawIcon(main as IconNode, 318 - 56, 140 - 56, 112, colours.ink, 1.6),
    badge(first as IconNode, 222, 62, 30, colours),
    badge(second as IconNode, 412, 214, 30, colours),
  ])
}

/** The course's cover: a row of phones and speech, the council building at the centre. */
async function cover(): Promise<string> {
  const colours = palette('#e6f0fa', '#cfe2f5', '#b8d4ef', '#0b3a5e', '#00558c')
  const [landmark, megaphone, messages, heart, users, shield] = await Promise.all(['landmark', 'megaphone', 'messages-square', 'heart', 'users', 'shield-check'].map(icon))
  return svg(1200, 400, [
    `<rect width="1200" height="400" fill="${colours.background}"/>`,
    `<circle cx="1080" cy="40" r="220" fill="${colours.shape}"/>`,
    `<circle cx="110" cy="400" r="170" fill="${colours.shapeDeep}" opacity="0.6"/>`,
    `<circle cx="600" cy="430" r="260" fill="${colours.shape}"/>`,
    phone(150, 70, 1.25, colours),
    phone(880, 90, 1.15, colours),
    `<circle cx="600" cy="200" r="120" fill="#ffffff" stroke="${colours.ink}" stroke-width="5"/>`,
    drawIcon(landmark as IconNode, 600 - 78, 200 - 78, 156, colours.ink, 1.5),
    badge(megaphone as IconNode, 430, 110, 42, colours),
    badge(messages as IconNode, 770, 100, 42, colours),
    badge(heart as IconNode, 440, 300, 34, colours),
    badge(users as IconNode, 760, 310, 34, colours),
    badge(shield as IconNode, 1110, 300, 40, colours),
  ])
}

function svg(width: number, height: number, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    '<!-- Drawn by scripts/make-illustrations.ts with icons from Lucide (ISC licence, https://lucide.dev). -->',
    ...parts,
    '</svg>',
    '',
  ].join('\n')
}

/** The SVG drawn at twice its size on a canvas in Chromium and saved as WebP. */
async function writeWebp(page: Page, svgText: string, file: string): Promise<void> {
  const dataUrl = await page.evaluate(async (text) => {
    const image = new Image()
    image.src = `data:image/svg+xml;base64,${btoa(text)}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth * 2
    canvas.height = image.naturalHeight * 2
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/webp', 0.9)
  }, svgText)
  await writeFile(file, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'))
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true })
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage()
    await writeWebp(page, await cover(), path.join(OUT, 'cover.webp'))
    for (const scene of [...MODULES, ...CASES]) await writeWebp(page, await moduleScene(scene), path.join(OUT, `${scene.name}.webp`))
  } finally {
    await browser.close()
  }
  console.log(`Wrote ${MODULES.length + CASES.length + 1} illustrations to ${path.relative(process.cwd(), OUT)}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
