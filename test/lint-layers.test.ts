import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')
const eslint = new ESLint({ cwd: root })

/** Lints a snippet as if it were a file of the given layer, and returns the rules it broke. */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('layer boundaries (DESIGN.md) are enforced by lint', () => {
  it.each([
    ['src/renderer/pages/BadPage.ts', "import { readFile } from 'node:fs'\nexport const x = readFile\n"],
    ['src/renderer/pages/BadPage.ts', "import fs from 'fs'\nexport const x = fs\n"],
    ['src/renderer/stores/bad.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n"],
    ['src/renderer/stores/bad.ts', "import { createAppRouter } from '../../node/app-services'\nexport const x = createAppRouter\n"],
    ['src/core/course/bad.ts', "import path from 'node:path'\nexport const x = path\n"],
    ['src/core/bad.ts', "import { ref } from 'vue'\nexport const x = ref\n"],
    ['src/core/bad.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['src/core/bad.ts', "import { listCourses } from '../node/course-catalog'\nexport const x = listCourses\n"],
    ['src/node/bad.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['src/node/bad.ts', "import { createApp } from 'vue'\nexport const x = createApp\n"],
    ['src/preload/bad.ts', "import fs from 'node:fs'\nexport const x = fs\n"],
    ['src/cli/bad.ts', "import { BrowserWindow } from 'electron'\nexport const x = BrowserWindow\n"],
    ['src/main/bad.ts', "import App from '../renderer/App.vue'\nexport const x = App\n"],
  ])('%s may not make this import', async (file, code) => {
    expect(await brokenRules(file, code)).toContain('no-restricted-imports')
  })

  it('rejects DOM globals in src/core', async () => {
    expect(await brokenRules('src/core/bad.ts', 'export const x = () => document.title\n')).toContain('no-restricted-globals')
  })

  it.each([
    ['src/renderer/stores/good.ts', "import type { Settings } from '../../core/api'\nexport type X = Settings\n"],
    ['src/node/good.ts', "import path from 'node:path'\nimport { contract } from '../core/api'\nexport const x = [path, contract]\n"],
    ['src/main/good.ts', "import { app } from 'electron'\nimport { createAppRouter } from '../node/app-services'\nexport const x = [app, createAppRouter]\n"],
  ])('%s may make the imports its layer allows', async (file, code) => {
    expect(await brokenRules(file, code)).toEqual([])
  })
})
