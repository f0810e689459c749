import { mkdir, readFile } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { axeFindings } from './support/axe'
import { pdfText } from '../test/support/pdf-text'
import { playerCourses } from './support/player-courses'
import { startWebHost, type RunningHost } from './support/web-host'

/**
 * A live workshop: the trainer's presenter screen on the web host (127.0.0.1), the projector's
 * audience window, and phones joining the room server on a second loopback address (127.0.0.2),
 * as they would on the room's Wi-Fi. No traffic leaves loopback.
 */
const ROOM_ADDRESS = '127.0.0.2'
const COURSE = 'Every block and question type'

let courses: Awaited<ReturnType<typeof playerCourses>>
let host: RunningHost
const phones: BrowserContext[] = []

test.beforeAll(async () => {
  courses = await playerCourses()
})
test.afterAll(async () => {
  await courses.remove()
})
test.beforeEach(async () => {
  host = await startWebHost({ courses: courses.dir, roomAddress: ROOM_ADDRESS })
})
test.afterEach(async () => {
  for (const phone of phones.splice(0)) await phone.close()
  await host.stop()
})

interface Room {
  audience: Page
  address: string
  code: string
  link: string
}

/** The presenter's screen for the fixture's module with the audience window open, and a session started with phones joining on 127.0.0.2. */
async function startRoom(page: Page, options: { named?: boolean } = {}): Promise<Room> {
  await page.goto(host.url)
  await page.getByRole('link', { name: COURSE }).click()
  await page.getByRole('link', { name: /^Present\b/ }).first().click()
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open the audience window' }).click()])
  const room = page.getByTestId('present-room')
  if (options.named) await room.getByRole('checkbox', { name: /Answers are anonymous/ }).uncheck()
  await room.getByRole('checkbox', { name: 'Let phones join over this room\'s network' }).check()
  await room.getByLabel('Network address phones will use').selectOption(ROOM_ADDRESS)
  await room.getByRole('button', { name: 'Start a live session' }).click()
  await expect(room.getByTestId('join-check')).toContainText(`Checked: this computer answers at http://${ROOM_ADDRESS}:`)
  const address = (await room.getByTestId('join-address').textContent())?.trim() ?? ''
  const code = ((await room.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '')
  const link = (await room.getByTestId('join-link').textContent())?.trim() ?? ''
  expect(address).toMatch(new RegExp(`^http://${ROOM_ADDRESS.replace(/\./g, '\\.')}:\\d+/$`))
  expect(code).toMatch(/^\d{6}$/)
  expect(link.startsWith(`${address}#`)).toBe(true)
  // The projector shows how to join until the first question goes up.
  await expect(audience.getByTestId('audience-join')).toContainText(code.replace(/^(\d{3})(\d{3})$/, '$1 $2'))
  return { audience, address, code, link }
}

/** A phone-sized browser of its own (no shared storage with the laptop), joined by the link or by typing the address and code. */
async function joinPhone(browser: Browser, room: Room, name: string, by: 'link' | 'code'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true })
  phones.push(context)
  const phone = await context.newPage()
  await phone.goto(by === 'link' ? room.link : room.address)
  await phone.getByLabel('Your name (as others will see it)').fill(name)
  if (by === 'code') await phone.getByLabel('Session code (on the screen at the front)').fill(room.code)
  await phone.getByRole('button', { name: 'Join' }).click()
  await expect(phone.getByRole('status').first()).toHaveText(`Connected as ${name}.`)
  return phone
}

test('the room answers a poll from two phones, the trainer reveals it; words wait for approval; questions from the room are upvoted and shown', async ({ page, browser }) => {
  const room = await startRoom(page, { named: true })
  const ana = await joinPhone(browser, room, 'Ana', 'link')
  const ben = await joinPhone(browser, room, 'Ben', 'code')
  await expect(page.getByText('2 phones have joined (2 connected now).')).toBeVisible()
  await expect(page.getByRole('list', { name: 'People in the session' })).toContainText('Ana — connected')

  // Phones follow the projector's page, and show nothing of it while it is black.
  await expect(ana.getByTestId('followed-page').getByRole('heading', { name: 'Text, callouts and images' })).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(ben.getByTestId('followed-page').getByRole('heading', { name: 'Video' })).toBeVisible()
  await page.getByRole('button', { name: 'Black out the screen' }).click()
  await expect(ben.getByTestId('followed-page')).toHaveCount(0)
  await page.getByRole('button', { name: 'Black out the screen' }).click()
  await expect(ben.getByTestId('followed-page').getByRole('heading', { name: 'Video' })).toBeVisible()

  // A poll.
  const trainer = page.getByTestId('present-room')
  await trainer.getByText('A new poll, word cloud or open question').click()
  await trainer.getByLabel('Question', { exact: true }).fill('Which platform do your residents use most?')
  await trainer.getByLabel('Options, one per line').fill('Facebook\nNextdoor\nX')
  await trainer.getByRole('button', { name: 'Ask the room' }).last().click()
  await expect(room.audience.getByRole('heading', { level: 1, name: 'Which platform do your residents use most?' })).toBeVisible()
  await expect(room.audience.getByRole('listitem')).toHaveText(['Facebook', 'Nextdoor', 'X'])

  for (const [phone, choice] of [[ana, 'Facebook'], [ben, 'Facebook']] as const) {
    await expect(phone.getByRole('group', { name: /Which platform do your residents use most\?/ })).toBeVisible()
    await phone.getByRole('radio', { name: choice }).check()
    await phone.getByRole('button', { name: 'Send answer' }).click()
    await expect(phone.getByText('Your answer is in. You can change it while the question is open.')).toBeVisible()
  }
  // Ben changes his mind while it is open.
  await ben.getByRole('radio', { name: 'Nextdoor' }).check()
  await ben.getByRole('button', { name: 'Change answer' }).click()
  const activity = page.getByTestId('room-activity')
  await expect(activity).toContainText('2 answers')
  await expect(activity).toContainText('Facebook 1 (50%)')
  // The projector shows nothing of the answers until the trainer reveals them.
  await expect(room.audience.getByText('2 answers')).toHaveCount(0)
  await activity.getByRole('button', { name: 'Show the results' }).click()
  await expect(room.audience.getByTestId('audience-activity')).toContainText('2 answers')
  await expect(room.audience.getByTestId('audience-activity')).toContainText('Nextdoor 1 (50%)')
  await expect(ana.getByRole('heading', { name: 'What the room answered' })).toBeVisible()
  await expect(ana.getByText('Facebook: 1 (50%)')).toBeVisible()

  // A word cloud: words reach the screen only once approved.
  await trainer.getByRole('radio', { name: 'Word cloud' }).check()
  await trainer.getByLabel('Question', { exact: true }).fill('One word for how social media feels this week?')
  await trainer.getByRole('button', { name: 'Ask the room' }).last().click()
  await ana.getByLabel('Your word or short phrase').fill('Busy')
  await ana.getByRole('button', { name: 'Send answer' }).click()
  await ben.getByLabel('Your word or short phrase').fill('Rude words here')
  await ben.getByRole('button', { name: 'Send answer' }).click()
  await expect(activity.getByText('Busy — Ana')).toBeVisible()
  await activity.getByRole('button', { name: 'Approve: Busy' }).click()
  await activity.getByRole('button', { name: 'Reject: Rude words here' }).click()
  await activity.getByRole('button', { name: 'Show the results' }).click()
  await expect(room.audience.getByTestId('audience-activity')).toContainText('Busy')
  await expect(room.audience.getByTestId('audience-activity')).not.toContainText('Rude words')
  await expect(ben.getByText('Rude words here')).toHaveCount(0)

  // Q&A: a question waits for the trainer, then the room upvotes it and the trainer puts it on screen.
  await activity.getByRole('button', { name: 'Back to the page' }).click()
  await ana.getByLabel('Ask the trainer a question').fill('Can I block a resident who is abusive?')
  await ana.getByRole('button', { name: 'Send question' }).click()
  await expect(ana.getByText('Sent. The trainer will check it before others see it.')).toBeVisible()
  await expect(ben.getByText('Can I block a resident who is abusive?')).toHaveCount(0)
  const questions = page.getByTestId('room-questions')
  await questions.getByRole('button', { name: 'Approve: Can I block a resident who is abusive?' }).click()
  await ben.getByRole('button', { name: 'Vote for this question: Can I block a resident who is abusive?' }).click()
  await expect(ben.getByRole('button', { name: 'Vote for this question: Can I block a resident who is abusive?' })).toHaveAttribute('aria-pressed', 'true')
  await expect(questions).toContainText('one vote')
  await questions.getByRole('button', { name: 'Show on screen: Can I block a resident who is abusive?' }).click()
  await expect(room.audience.getByTestId('audience-question')).toContainText('Can I block a resident who is abusive?')
  await expect(ben.getByText('On the screen now')).toBeVisible()

  // The learners on the laptop who attended go in the record too.
  await page.getByRole('button', { name: 'Record who attended…' }).click()
  await page.getByRole('dialog', { name: 'Who attended?' }).getByRole('checkbox', { name: 'Learner' }).check()
  await page.getByRole('dialog', { name: 'Who attended?' }).getByRole('button', { name: 'Mark the pages as seen' }).click()
  await expect(page.getByTestId('attendance-status')).toContainText('marked as seen for one learner')

  // Ending the session tells the phones and stops listening.
  await page.getByRole('button', { name: 'End the session' }).click()
  await expect(ana.getByRole('heading', { name: 'The session has ended. Thank you for taking part.' })).toBeVisible()
  await expect(page.getByText('The session has ended. 2 questions were put to the room.')).toBeVisible()
  await expect(fetch(room.address)).rejects.toThrow()

  // The session's record: every question with its results, approved words only, names (a named session).
  const csv = await readFile(await saved(page, 'Save as a spreadsheet (CSV)'), 'utf8')
  expect(csv.split('\n')[0]).toBe('Section,Time,Kind,Question,Answers,Option or answer,Count,Right answer,Name')
  expect(csv).toContain('Question to the room,')
  expect(csv).toMatch(/^Attended,[^,]*,,,,,,,Learner$/m)
  expect(csv).toMatch(/Which platform do your residents use most\?,2,Facebook,1,/)
  expect(csv).toMatch(/Which platform do your residents use most\?,2,Nextdoor,,,Ben/)
  expect(csv).toContain('One word for how social media feels this week?,1,Busy,1,')
  expect(csv).not.toContain('Rude words')
  expect(csv).toMatch(/Question from the room,,,Can I block a resident who is abusive\?,,,1,,Ana/)
  const pdf = await pdfText(new Uint8Array(await readFile(await saved(page, 'Save a one-page summary (PDF)'))))
  expect(pdf).toContain('Workshop session record')
  expect(pdf).toContain('Who joined: Ana, Ben')
  expect(pdf).toContain('Which platform do your residents use most? (answers: 2)')
  expect(pdf).toContain('Facebook: 1 · Nextdoor: 1 · X: 0')
  expect(pdf).toContain('Can I block a resident who is abusive? (votes: 1, Ana)')
})

/** Clicks a button that saves a file, and returns where the browser saved it. */
async function saved(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  return download.path()
}

test('the room votes on a scenario step, sees the consequence of its choice and goes where it chose; counts entered by hand', async ({ page, browser }) => {
  const room = await startRoom(page)
  const phone = await joinPhone(browser, room, 'Cai', 'link')
  const trainer = page.getByTestId('present-room')
  await trainer.getByLabel('A scenario: the room votes on each step').selectOption({ label: 'A rumour during a flood' })
  await trainer.getByRole('button', { name: 'Start the vote' }).click()
  await phone.getByRole('radio', { name: 'Share it at once.' }).check()
  await phone.getByRole('button', { name: 'Send answer' }).click()
  // Three people without phones chose the same, counted by the trainer. What the trainer types
  // stays while the screen redraws (here as another phone joins), and goes when they leave the box.
  const activity = page.getByTestId('room-activity')
  const hands = activity.getByRole('spinbutton', { name: 'Share it at once.' })
  await hands.fill('3')
  await joinPhone(browser, room, 'Dee', 'code')
  await expect(trainer).toContainText('2 phones have joined')
  await expect(hands).toHaveValue('3')
  await hands.blur()
  await expect(activity).toContainText('4 answers')
  // A count past what the session takes is refused in the session's words, and changes nothing.
  await hands.fill('20000')
  await hands.blur()
  await expect(trainer.getByText('A count is a whole number from 0 to 10,000.')).toBeVisible()
  await expect(hands).toHaveValue('20000')
  await expect(activity).toContainText('4 answers')
  await activity.getByRole('button', { name: 'Show the results' }).click()
  await activity.getByRole('button', { name: 'Show the answer' }).click()
  await expect(room.audience.getByTestId('audience-activity')).toContainText('The bridge was fine; people took long detours.')
  await expect(phone.getByText('The bridge was fine; people took long detours.')).toBeVisible()
  await activity.getByRole('button', { name: 'Go where the room chose' }).click()
  await expect(room.audience.getByRole('heading', { level: 1, name: 'People ask where you heard it.' })).toBeVisible()
  await expect(phone.getByRole('radio', { name: 'Post a correction with the verified source.' })).toBeVisible()

  // Anonymous, the record too: counts, no names.
  const csv = await readFile(await saved(page, 'Save as a spreadsheet (CSV)'), 'utf8')
  expect(csv).toMatch(/scenario step \(choice\),A resident posts that the bridge has collapsed\.,4,Share it at once\.,4,/)
  expect(csv).not.toContain('Cai')
  const pdf = await pdfText(new Uint8Array(await readFile(await saved(page, 'Save a one-page summary (PDF)'))))
  expect(pdf).toContain('Answers were anonymous: no names are kept.')
  expect(pdf).not.toContain('Cai')
})

test('a phone whose connection drops reconnects and catches up; a reload keeps its place', async ({ page, browser }) => {
  const room = await startRoom(page)
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  phones.push(context)
  // Every connection the phone makes goes through here, so the test can drop it, and refuse new
  // ones for a while, as bad Wi-Fi would.
  let drop: (() => Promise<void>) | null = null
  let refuse = false
  await context.routeWebSocket(/\/live$/, async (socket) => {
    if (refuse) return socket.close({ code: 1011, reason: 'Wi-Fi dropped' })
    const server = socket.connectToServer()
    void server
    // The phone's side goes; the room server finds out from its heartbeat (room-server.test.ts).
    drop = () => socket.close({ code: 1011, reason: 'Wi-Fi dropped' })
  })
  const phone = await context.newPage()
  await phone.goto(room.link)
  await phone.getByLabel('Your name (as others will see it)').fill('Dee')
  await phone.getByRole('button', { name: 'Join' }).click()
  await expect(phone.getByRole('status').first()).toHaveText('Connected as Dee.')
  // The connection drops, and stays down while a question goes up.
  refuse = true
  await (drop as (() => Promise<void>) | null)?.()
  await expect(phone.getByText('Connection lost. Reconnecting…')).toBeVisible()
  const trainer = page.getByTestId('present-room')
  await trainer.getByText('A new poll, word cloud or open question').click()
  await trainer.getByLabel('Question', { exact: true }).fill('Do you post as yourself or as a councillor?')
  await trainer.getByLabel('Options, one per line').fill('Myself\nCouncillor\nBoth')
  await trainer.getByRole('button', { name: 'Ask the room' }).last().click()
  refuse = false
  // The phone tries again at most every 4 seconds (connection.ts), then catches up.
  await expect(phone.getByRole('radio', { name: 'Both' })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByText('One phone has joined (1 connected now).')).toBeVisible()
  await phone.getByRole('radio', { name: 'Both' }).check()
  await phone.getByRole('button', { name: 'Send answer' }).click()
  await expect(page.getByTestId('room-activity')).toContainText('One answer')
  await phone.reload()
  await expect(phone.getByRole('radio', { name: 'Both' })).toBeChecked()
  await expect(phone.getByRole('button', { name: 'Change answer' })).toBeVisible()
})

test('someone without a phone answers on the laptop as one of its learners, and the record counts them as attending', async ({ page, browser }) => {
  const room = await startRoom(page, { named: true })
  // A second browser window on the laptop itself (the room server offers its learners only there).
  const context = await browser.newContext()
  phones.push(context)
  const laptop = await context.newPage()
  await laptop.goto(room.link)
  await laptop.getByRole('radio', { name: 'A learner on this computer' }).check()
  await laptop.getByLabel('Learner', { exact: true }).selectOption({ label: 'Learner' })
  await laptop.getByRole('button', { name: 'Join' }).click()
  await expect(laptop.getByRole('status').first()).toHaveText('Connected as Learner.')
  await expect(page.getByRole('list', { name: 'People in the session' })).toContainText('Learner — connected')
  const csv = await readFile(await saved(page, 'Save as a spreadsheet (CSV)'), 'utf8')
  expect(csv).toMatch(/^Attended,[^,]*,,,,,,,Learner$/m)
})

test('wrong join codes are refused and then rate-limited; a phone reaches nothing but the session', async ({ page, browser }) => {
  const room = await startRoom(page)
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  phones.push(context)
  const phone = await context.newPage()
  await phone.goto(room.address)
  await phone.getByLabel('Your name (as others will see it)').fill('Eve')
  const wrong = room.code === '000000' ? '111111' : '000000'
  await phone.getByLabel('Session code (on the screen at the front)').fill(wrong)
  await phone.getByRole('button', { name: 'Join' }).click()
  await expect(phone.getByRole('alert')).toHaveText('That code is not right. Check the code on the screen and try again.')
  // Five wrong codes a minute from one address; the sixth try waits.
  for (let attempt = 0; attempt < 5; attempt++) {
    await expect(phone.getByRole('button', { name: 'Join' })).toBeVisible()
    await phone.getByRole('button', { name: 'Join' }).click()
  }
  await expect(phone.getByRole('alert')).toHaveText(/^Too many wrong codes\. Try again in \d+ seconds\.$/)
  // Even the right code waits now, from this address.
  await phone.getByLabel('Session code (on the screen at the front)').fill(room.code)
  await phone.getByRole('button', { name: 'Join' }).click()
  await expect(phone.getByRole('alert')).toHaveText(/^Too many wrong codes/)

  // A wrong secret in the link is refused (and does not count against codes).
  const forged = await fetch(new URL('/join', room.address), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret: 'forged', name: 'Mallory' }) })
  expect(forged.status).toBe(403)

  // The room server is not the app: no API, no course files, whatever the token.
  for (const path of ['/api/course.list', '/api/learners.list', `/courses/every-block/course.yaml`, '/index.html/../api/course.list', '/preview.html']) {
    const answer = await fetch(new URL(path, room.address), { method: path.startsWith('/api/') ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json', 'x-civic-token': host.token }, body: path.startsWith('/api/') ? '{}' : null })
    expect(answer.status, path).toBe(404)
  }
  // The app itself does not listen where the phones are.
  await expect(fetch(`http://${ROOM_ADDRESS}:${new URL(host.url).port}/`)).rejects.toThrow()
  // Another Host header (a DNS-rebinding page) is refused.
  const rebound = await new Promise<number>((resolve, reject) => {
    const url = new URL(room.address)
    request({ host: url.hostname, port: url.port, path: '/', headers: { Host: 'attacker.example' } }, (answer) => {
      answer.resume()
      resolve(answer.statusCode ?? 0)
    })
      .on('error', reject)
      .end()
  })
  expect(rebound).toBe(421)
})

test('axe finds nothing on the trainer\'s room, the projector\'s room screens, the phone\'s page and its join form at 320 px (English and Welsh, light and dark)', async ({ page, browser }) => {
  // A walk over many screens, each scanned in both themes: on a loaded machine it takes longer than one
  // page's test, and only getting to the screens is slow.
  test.setTimeout(240_000)
  const room = await startRoom(page)
  const phone = await joinPhone(browser, room, 'Ffion', 'link')
  await phone.setViewportSize({ width: 320, height: 640 })
  const trainer = page.getByTestId('present-room')
  await trainer.getByText('A new poll, word cloud or open question').click()
  await trainer.getByLabel('Question', { exact: true }).fill('Which matters most?')
  await trainer.getByLabel('Options, one per line').fill('Listening\nExplaining')
  await trainer.getByRole('button', { name: 'Ask the room' }).last().click()
  await phone.getByRole('radio', { name: 'Listening' }).check()
  await phone.getByRole('button', { name: 'Send answer' }).click()
  await page.getByTestId('room-activity').getByRole('button', { name: 'Show the results' }).click()
  await expect(phone.getByRole('heading', { name: 'What the room answered' })).toBeVisible()
  // The join form as a phone first sees it (typed address, no secret), with a wrong code's message.
  const joining = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage()
  phones.push(joining.context())
  await joining.goto(room.address)
  await joining.getByRole('button', { name: 'Join' }).click()
  await expect(joining.getByRole('alert')).toBeVisible()

  const violations: string[] = []
  const scan = async (language: string) => {
    for (const [where, screen] of [['trainer', page], ['audience', room.audience], ['phone', phone], ['join form', joining]] as const) violations.push(...(await axeFindings(screen, `${where}, ${language}`)))
    // Nothing on the phone's pages is wider than its 320 px screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    expect(await joining.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  }
  await scan('English')
  await page.getByRole('button', { name: 'Cymraeg', exact: true }).first().click()
  await phone.getByRole('button', { name: 'Cymraeg: newid i’r Gymraeg' }).click()
  await joining.getByRole('button', { name: 'Cymraeg: newid i’r Gymraeg' }).click()
  await joining.getByRole('button', { name: 'Ymuno' }).click()
  await expect(phone.getByRole('heading', { name: 'Beth atebodd yr ystafell' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Yr ystafell' })).toBeVisible()
  await expect(joining.getByRole('alert')).toContainText('Rhowch eich enw')
  await scan('Welsh')
  expect(violations).toEqual([])
})

test('screenshots of a live session for the README', async ({ page, browser }) => {
  test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to refresh docs/screenshots.')
  const out = path.resolve(__dirname, '../docs/screenshots')
  await mkdir(out, { recursive: true })
  await page.setViewportSize({ width: 1100, height: 900 })
  const room = await startRoom(page)
  await room.audience.setViewportSize({ width: 1100, height: 620 })
  await room.audience.screenshot({ path: path.join(out, 'workshop-join.png') })
  const phones = [await joinPhone(browser, room, 'Ana', 'link'), await joinPhone(browser, room, 'Ben', 'code'), await joinPhone(browser, room, 'Cai', 'link')]
  const trainer = page.getByTestId('present-room')
  await trainer.getByText('A new poll, word cloud or open question').click()
  await trainer.getByLabel('Question', { exact: true }).fill('Where do residents in your ward talk most?')
  await trainer.getByLabel('Options, one per line').fill('Facebook groups\nNextdoor\nWhatsApp groups\nIn person')
  await trainer.getByRole('button', { name: 'Ask the room' }).last().click()
  for (const [index, phone] of phones.entries()) {
    await phone.getByRole('radio', { name: index === 1 ? 'Nextdoor' : 'Facebook groups' }).check()
    if (index < 2) await phone.getByRole('button', { name: 'Send answer' }).click()
  }
  await phones[2]?.screenshot({ path: path.join(out, 'workshop-phone.png') })
  await page.getByTestId('room-activity').getByRole('spinbutton', { name: 'In person' }).fill('4')
  await page.getByTestId('room-activity').getByRole('spinbutton', { name: 'In person' }).blur()
  await expect(page.getByTestId('room-activity')).toContainText('6 answers')
  await page.getByTestId('present-room').screenshot({ path: path.join(out, 'workshop-trainer.png') })
  await page.getByTestId('room-activity').getByRole('button', { name: 'Show the results' }).click()
  await expect(room.audience.getByTestId('audience-activity')).toContainText('6 answers')
  await room.audience.screenshot({ path: path.join(out, 'workshop-results.png') })
  await phones[0]?.emulateMedia({ colorScheme: 'dark' })
  await phones[0]?.screenshot({ path: path.join(out, 'workshop-phone-results.png'), fullPage: true })
})
