import { describe, expect, it } from 'vitest'
import { choicesShown } from './blocks/scenario/choices'
import { COURSE, loadTestCourse } from './test-course'

/** Loads the test course with `bank` as its only bank and a quiz drawing all of it. */
function withBank(questions: string) {
  return loadTestCourse('# One {#one}\n\n::: quiz {id: quiz, bank: bank}\n:::\n', { 'bank.yaml': `id: bank\nquestions:\n${questions}` })
}

const choice = (id: string, options: [string, boolean][]) =>
  `  - id: ${id}\n    type: single-choice\n    prompt: Which?\n    explanation: Because.\n    options:\n${options
    .map(([text, correct]) => `      - text: ${JSON.stringify(text)}\n        correct: ${correct}\n        feedback: Why.\n`)
    .join('')}`
const statement = (id: string, answer: boolean) =>
  `  - id: ${id}\n    type: true-false\n    prompt: Statement ${id}.\n    answer: ${answer}\n    explanation: Because.\n    feedback: {correct: Yes., incorrect: No.}\n`

describe('item-writing checks', () => {
  it('warns when the correct option is markedly the longest, at that option', () => {
    const { problems } = withBank(choice('q', [['Ask the officer', false], ['Reply to the resident privately and pass the case on to the council', true], ['Ignore it', false]]))
    expect(problems).toEqual([expect.stringMatching(/^bank\.yaml:11:15 warning The correct option is markedly the longest \(67 characters; the longest other has 15\)/)])
  })

  it('says nothing when the options are of similar length', () => {
    const { problems } = withBank(choice('q', [['Share it with a warning', false], ['Check it with the council first', true], ['Post your own view of it', false]]))
    expect(problems).toEqual([])
  })

  it('warns about "all of the above" and "none of these", whatever the case', () => {
    const { problems } = withBank(choice('q', [['Block them', false], ['Mute them', false], ['All of the above', true]]) + choice('r', [['Report it', true], ['Share it', false], ['none of these', false]]))
    expect(problems).toEqual([
      expect.stringMatching(/^bank\.yaml:14:15 warning The option "All of the above" refers to the other options/),
      expect.stringMatching(/^bank\.yaml:28:15 warning The option "none of these" refers to the other options/),
    ])
  })

  it('warns when every correct option of a multiple-response question is markedly longer than the others', () => {
    const bank = `  - id: m\n    type: multiple-response\n    prompt: Which?\n    explanation: Because.\n    feedback: {correct: Yes., incorrect: No.}\n    options:\n      - text: Keep a copy of the message and the date\n        correct: true\n      - text: Tell your monitoring officer what happened\n        correct: true\n      - text: Reply\n      - text: Share it\n`
    expect(withBank(bank).problems).toEqual([expect.stringMatching(/^bank\.yaml:9:15 warning The correct options are all markedly longer than the others/)])
  })

  it('warns when a bank’s true/false answers lean more than two thirds one way, and not at two thirds', () => {
    expect(withBank(statement('a', false) + statement('b', false) + statement('c', false) + statement('d', true)).problems).toEqual([
      'bank.yaml:3:5 warning 3 of the bank\'s 4 true/false questions are false: a learner who always answers "false" scores well without knowing the subject.',
    ])
    expect(withBank(statement('a', false) + statement('b', false) + statement('c', true)).problems).toEqual([])
  })

  it('warns about a fill-in whose answer is written in its own prompt, unless only capitals differ and they count', () => {
    const fillIn = (prompt: string, answer: string, caseSensitive: boolean) =>
      `  - id: f\n    type: fill-in\n    prompt: ${JSON.stringify(prompt)}\n    accepted: [${JSON.stringify(answer)}]\n    caseSensitive: ${caseSensitive}\n    explanation: Because.\n    feedback: {correct: Yes., incorrect: No.}\n`
    expect(withBank(fillIn('Which election comes next: the council election or a by-election?', 'Election', false)).problems).toEqual([
      expect.stringMatching(/^bank\.yaml:6:16 warning The answer "Election" is written in the question's own prompt/),
    ])
    expect(withBank(fillIn('Rewrite #cwmtegfestival so a screen reader reads its words.', '#CwmTegFestival', true)).problems).toEqual([])
    expect(withBank(fillIn('Which word means an election between elections?', 'by-election', false)).problems).toEqual([])
    // Compared as the scorer compares answers: spaces and line breaks inside the prompt do not hide it.
    expect(withBank(fillIn('Is the next poll a by-\nelection, or a council\n  election?', 'council election', false)).problems).toEqual([
      expect.stringMatching(/warning The answer "council election" is written in the question's own prompt/),
    ])
  })
})

describe('text cut short by a YAML comment', () => {
  it('warns where an unquoted # after text drops the rest of a line, in banks and in scenario bodies', () => {
    const bank = choice('q', [['Use #CamelCase', true], ['Use lower case', false]]).replace('"Use #CamelCase"', 'Rewrite it as #CamelCase')
    const scenario =
      '::: scenario {id: s, title: S}\nsteps:\n  - id: a\n    text: Start.\n    choices:\n      - text: Post it with #binchanges\n        feedback: Done.\n:::\n'
    const { problems } = loadTestCourse(`# One {#one}\n\n${scenario}\n::: quiz {id: quiz, bank: bank}\n:::\n`, { 'bank.yaml': `id: bank\nquestions:\n${bank}` })
    expect(problems).toEqual([
      expect.stringMatching(/^bank\.yaml:8:29 warning The text is cut short at "#CamelCase": in YAML an unquoted # after a space starts a comment/),
      expect.stringMatching(/^module\.md:14:28 warning The text is cut short at "#binchanges"/),
    ])
  })

  it('says nothing about quoted text, block scalars or comments on their own line', () => {
    const bank = `# A comment of its own\n${choice('q', [['Use #CamelCase', true], ['Use lower case', false]])}`
    expect(withBank(bank).problems).toEqual([])
  })
})

describe('quizzes drawing from several banks or tags', () => {
  const second = `id: second\nquestions:\n${statement('s1', true)}${statement('s2', false)}`
  const tagged = (tags: (string | undefined)[]) =>
    `id: bank\nquestions:\n${tags.map((tag, index) => statement(`t${index}`, index % 2 === 0) + (tag ? `    tag: ${tag}\n` : '')).join('')}`
  const load = (quiz: string, bank?: string) =>
    loadTestCourse(`# One {#one}\n\n${quiz}\n:::\n`, {
      ...(bank ? { 'bank.yaml': bank } : { 'course.yaml': COURSE.replace('questionBanks: [bank.yaml]', 'questionBanks: [bank.yaml, second.yaml]'), 'second.yaml': second }),
    })

  it('draws per bank: one pool per bank, the total being the sum', () => {
    const { problems, blocks } = load('::: quiz {id: quiz, bank: [bank, second], draw: 1, drawPer: bank}')
    expect(problems).toEqual([])
    const quiz = blocks[0]
    expect(quiz?.type === 'quiz' && { draw: quiz.draw, pools: quiz.pools }).toEqual({
      draw: 2,
      pools: [
        { name: 'bank', draw: 1, questionIds: ['q'] },
        { name: 'second', draw: 1, questionIds: ['s1', 's2'] },
      ],
    })
  })

  it('warns when a draw from all the banks together can miss a bank, and says how to fix it', () => {
    expect(load('::: quiz {id: quiz, bank: [bank, second], draw: 2}').problems).toEqual([
      'module.md:9:43 warning The quiz draws 2 of 3 questions at random from 2 banks, so some attempts will miss a bank entirely.',
    ])
    expect(load('::: quiz {id: quiz, bank: [bank, second], draw: 1}').problems).toEqual([
      'module.md:9:43 warning The quiz draws 1 questions from 2 banks, so no attempt can cover every bank.',
    ])
  })

  it('warns the same way when one bank’s questions are tagged and drawn all together', () => {
    expect(load('::: quiz {id: quiz, bank: bank, draw: 3}', tagged(['one', 'one', 'two', 'two'])).problems).toEqual([
      'module.md:9:33 warning The quiz draws 3 of 4 questions at random from 2 tags, so some attempts will miss a tag entirely.',
    ])
  })

  it('draws per tag, and refuses a tag too small for the draw or a question without a tag', () => {
    const ok = load('::: quiz {id: quiz, bank: bank, draw: 2, drawPer: tag}', tagged(['one', 'two', 'one', 'two']))
    expect(ok.problems).toEqual([])
    const quiz = ok.blocks[0]
    expect(quiz?.type === 'quiz' && quiz.pools?.map((pool) => [pool.name, pool.questionIds])).toEqual([
      ['one', ['t0', 't2']],
      ['two', ['t1', 't3']],
    ])
    expect(load('::: quiz {id: quiz, bank: bank, draw: 2, drawPer: tag}', tagged(['one', 'two', 'one'])).problems).toEqual([
      'module.md:9:33 error The quiz draws 2 questions from each tag, but the tag "two" has 1.',
    ])
    expect(load('::: quiz {id: quiz, bank: bank, draw: 1, drawPer: tag}', tagged(['one', undefined])).problems).toEqual([
      'module.md:9:42 error The quiz draws per tag, but the question "t1" has no tag.',
    ])
    expect(load('::: quiz {id: quiz, bank: [bank, second, bank], draw: 1, drawPer: bank}').problems).toEqual([
      'module.md:9:21 error The quiz names the bank "bank" twice.',
    ])
    expect(load('::: quiz {id: quiz, bank: [bank, second], drawPer: bank}').problems).toEqual([
      'module.md:9:43 error The quiz draws per bank but does not say how many.',
    ])
  })
})

describe('scenario choices', () => {
  const steps = Array.from({ length: 6 }, (_, index) => `  - id: s${index}\n    text: Step.\n    choices:\n${['a', 'b', 'c', 'd'].map((text) => `      - text: ${text}${index}\n        feedback: F.\n${index < 5 ? `        next: s${index + 1}\n` : ''}`).join('')}`)
  const scenario = (shuffle: boolean) => `# One {#one}\n\n::: scenario {id: s, title: S${shuffle ? ', shuffle: true' : ''}}\nsteps:\n${steps.join('')}  - id: end\n    text: The end.\n:::\n`

  it('are shown in authored order unless the scenario shuffles them', () => {
    const block = loadTestCourse(scenario(false)).blocks[0]
    if (block?.type !== 'scenario') throw new Error('no scenario')
    expect(block.steps.map((step) => choicesShown(block, step).map((choice) => choice.id).join(''))).toEqual(['abcd', 'abcd', 'abcd', 'abcd', 'abcd', 'abcd', ''])
  })

  it('are mixed in an order fixed by the scenario and step, the same on every load, with their ids kept', () => {
    const load = () => {
      const block = loadTestCourse(scenario(true)).blocks[0]
      if (block?.type !== 'scenario') throw new Error('no scenario')
      return block.steps.slice(0, 6).map((step) => choicesShown(block, step).map((choice) => `${choice.id}=${choice.text}`).join(' '))
    }
    const orders = load()
    expect(load()).toEqual(orders)
    orders.forEach((order, index) => expect(order.split(' ').sort()).toEqual(['a', 'b', 'c', 'd'].map((id) => `${id}=${id}${index}`)))
    expect(orders.some((order, index) => order !== ['a', 'b', 'c', 'd'].map((id) => `${id}=${id}${index}`).join(' '))).toBe(true)
  })
})
