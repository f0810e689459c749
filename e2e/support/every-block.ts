import { expect, type Locator, type Page } from '@playwright/test'

/** The every-block fixture course's quiz, answered through its UI: one home for the specs that need it. */

/** Its quiz draws one question of every type. */
export const QUESTION_COUNT = 7

/**
 * Answers the question shown correctly, with the mouse, and checks the answer where the quiz
 * checks each as it is given (an answer counts once checked), as a learner does.
 */
export async function answer(question: Locator): Promise<void> {
  await choose(question)
  const check = question.getByRole('button', { name: 'Check answer' })
  if ((await check.count()) > 0) await check.click()
}

async function choose(question: Locator): Promise<void> {
  const prompt = (await question.locator('.quiz-question__prompt').innerText()).trim()
  if (prompt === 'Which is a fruit?') return question.getByRole('radio', { name: 'Apple' }).check()
  if (prompt === 'The sky is green.') return question.getByRole('radio', { name: 'False' }).check()
  if (prompt === 'Which are colours?') {
    await question.getByRole('checkbox', { name: 'Red' }).check()
    return question.getByRole('checkbox', { name: 'Blue' }).check()
  }
  if (prompt.startsWith('Match each')) {
    await question.getByRole('combobox', { name: 'Wales' }).selectOption({ label: 'Cardiff' })
    await question.getByRole('combobox', { name: 'Scotland' }).selectOption({ label: 'Edinburgh' })
    return
  }
  if (prompt === 'Put these in order.') {
    const items = question.locator('.quiz-ordering__list .quiz-ordering__text')
    for (const [place, name] of ['First', 'Second', 'Third'].entries()) {
      const at = (await items.allInnerTexts()).map((text) => text.trim()).indexOf(name)
      for (let step = at; step > place; step--) await question.getByRole('button', { name: `Move “${name}” up` }).click()
    }
    return expect(items).toHaveText(['First', 'Second', 'Third'])
  }
  if (prompt === 'Sort these into fruit and vegetables.') {
    // With its buttons: quiz.spec.ts drags an item with the mouse in the app's own page.
    await question.getByRole('button', { name: 'Put “Pear” in “Fruit”' }).click()
    await question.getByRole('button', { name: 'Put “Plum” in “Fruit”' }).click()
    await question.getByRole('button', { name: 'Put “Leek” in “Vegetables”' }).click()
    return expectSorted(question)
  }
  if (prompt.startsWith('Which Act')) return question.getByRole('textbox', { name: 'Your answer' }).fill('Localism')
  throw new Error(`Unknown question: ${prompt}`)
}

/** The right answer that `answer` gave is shown again. */
export async function expectAnswered(question: Locator, prompt: string): Promise<void> {
  if (prompt === 'Which is a fruit?') return expect(question.getByRole('radio', { name: 'Apple' })).toBeChecked()
  if (prompt === 'The sky is green.') return expect(question.getByRole('radio', { name: 'False' })).toBeChecked()
  if (prompt === 'Which are colours?') {
    await expect(question.getByRole('checkbox', { name: 'Red' })).toBeChecked()
    return expect(question.getByRole('checkbox', { name: 'Blue' })).toBeChecked()
  }
  if (prompt.startsWith('Match each')) {
    await expect(question.getByRole('combobox', { name: 'Wales' }).locator('option:checked')).toHaveText('Cardiff')
    return expect(question.getByRole('combobox', { name: 'Scotland' }).locator('option:checked')).toHaveText('Edinburgh')
  }
  if (prompt === 'Put these in order.') return expect(question.locator('.quiz-ordering__list .quiz-ordering__text')).toHaveText(['First', 'Second', 'Third'])
  if (prompt === 'Sort these into fruit and vegetables.') return expectSorted(question)
  if (prompt.startsWith('Which Act')) return expect(question.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Localism')
  throw new Error(`Unknown question: ${prompt}`)
}

/** The sort question's items, each in its own group. */
export async function expectSorted(question: Locator): Promise<void> {
  // Within a group the items keep the attempt's mixed order.
  await expect(question.getByRole('group', { name: /^Fruit/ }).locator('.quiz-sort__text')).toHaveText([/Pear|Plum/, /Pear|Plum/])
  await expect(question.getByRole('group', { name: /^Fruit/ })).toContainText('Pear')
  await expect(question.getByRole('group', { name: /^Fruit/ })).toContainText('Plum')
  await expect(question.getByRole('group', { name: /^Vegetables/ }).locator('.quiz-sort__text')).toHaveText(['Leek'])
}

/**
 * A learner's reading time on a question. The host does not record a quiz submitted faster than
 * half a second per answer (src/node/services/plausibility.ts), so a test that answers in the app
 * takes at least that long, as a person would.
 */
export async function readQuestion(page: Page): Promise<void> {
  await page.waitForTimeout(600)
}
