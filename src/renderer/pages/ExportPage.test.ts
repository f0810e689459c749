import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { MethodInput, MethodOutput, ScormExportResult } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { bilingualBundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { CourseBundle, Module } from '../../core/course/bundle'
import { API_KEY } from '../api'
import { downloadFrom } from '../api/download'
import { fakeApi } from '../api/fake-api'
import { createAppI18n } from '../i18n'
import ExportPage from './ExportPage.vue'

vi.mock('../api/download', () => ({ downloadFrom: vi.fn() }))

const module = (id: string): Module => moduleOf(id, [pageOf(`${id}-page`, [], 'Page')], { title: `Module ${id}` })

function course(): CourseBundle {
  const modules = [module('one'), module('two'), module('three')]
  return bilingualBundleOf(modules, modules)
}

const exported: ScormExportResult = {
  summary: {
    fileName: 'demo-scorm2004.zip',
    format: 'scorm2004',
    reporting: 'passed-incomplete',
    interactions: 'assessments',
    hasQuizzes: true,
    journal: { answers: 17, quizzes: [{ id: 'final', questions: 12 }] },
    bytes: 2.5 * 1024 * 1024,
    files: 40,
    mediaFiles: 3,
    modules: ['one', 'three'],
    suspendData: { worstCase: 1024, limit: 4096, fits: true },
  },
  packageId: '0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  previewId: '0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
}

/** The web host's answer to export.save: the browser downloads the package itself. */
const browserSaves = async (): Promise<MethodOutput<'export.save'>> => {
  throw new ApiError({ code: 'UNAVAILABLE', message: 'The browser saves the package: it downloads it from the web host.' })
}

async function mountPage(
  exportScorm: (input: MethodInput<'export.scorm'>) => Promise<ScormExportResult>,
  language: 'en' | 'cy' = 'en',
  exportSave: (input: MethodInput<'export.save'>) => Promise<MethodOutput<'export.save'>> = browserSaves,
) {
  const api = fakeApi({ 'course.get': async () => course(), 'export.scorm': exportScorm, 'export.save': exportSave })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/export/:courseId', component: ExportPage }, { path: '/:rest(.*)*', component: { render: () => null } }] })
  await router.push('/export/demo')
  const wrapper = mount(ExportPage, { attachTo: document.body, global: { plugins: [createPinia(), createAppI18n(language), router], provide: { [API_KEY as symbol]: api } } })
  await flushPromises()
  return wrapper
}

beforeEach(() => vi.mocked(downloadFrom).mockClear())

describe('ExportPage', () => {
  it('offers SCORM 1.2 by default with every module, exports the choices, shows progress, then the summary and the download', async () => {
    let finish: (value: ScormExportResult) => void = () => undefined
    const calls: MethodInput<'export.scorm'>[] = []
    const wrapper = await mountPage((input) => {
      calls.push(input)
      return new Promise((resolve) => (finish = resolve))
    })
    const radios = wrapper.findAll<HTMLInputElement>('input[name="export-format"]')
    expect(radios.map((radio) => [radio.element.value, radio.element.checked])).toEqual([['scorm12', true], ['scorm2004', false]])
    expect(wrapper.text()).toContain('Works in almost every LMS, including Moodle.')
    const boxes = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]')
    expect(boxes.map((box) => box.element.checked)).toEqual([true, true, true])

    await radios[1]!.setValue(true)
    await boxes[1]!.setValue(false)
    await wrapper.get('form').trigger('submit')
    expect(calls).toEqual([{ courseId: 'demo', format: 'scorm2004', reporting: 'passed-incomplete', interactions: 'assessments', modules: ['one', 'three'] }])
    expect(wrapper.find('progress').exists()).toBe(true)
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined()

    finish(exported)
    await flushPromises()
    expect(wrapper.find('progress').exists()).toBe(false)
    expect(downloadFrom).toHaveBeenCalledExactlyOnceWith('exports/0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b', 'demo-scorm2004.zip')
    const summary = wrapper.get('[data-testid="export-summary"]')
    expect(summary.text()).toContain('demo-scorm2004.zip has been downloaded.')
    expect(summary.text()).toContain('2.50 MB')
    expect(summary.text()).toContain('40 (including 3 course media files)')
    expect(summary.text()).toContain('Module one, Module three')
    expect(summary.text()).toContain('1024 of 4096 characters at most (25%)')
    expect(summary.text()).toContain('Passed, or incomplete until passed (recommended)')
    expect(summary.text()).toContain('set Activity completion to “Require status: Passed and Completed”')
    expect(summary.text()).toContain('Assessments only (recommended): up to about 17 answers')
    const guide = wrapper.get('[data-testid="export-guide"]')
    expect(guide.get('h2').text()).toBe('Setting it up in your LMS')
    expect(guide.text()).toContain('Under Activity completion, choose “Require status: Passed and Completed”.')
    expect(guide.findAll('ol li')).toHaveLength(5)
    expect(summary.find('[data-testid="export-suspend-warning"]').exists()).toBe(false)
    expect(document.activeElement?.id).toBe('export-summary-title')
    wrapper.unmount()
  })

  it('on the desktop, saves the package where the learner chooses, and offers to save it again after a cancel', async () => {
    const saves: MethodInput<'export.save'>[] = []
    const answers: MethodOutput<'export.save'>[] = [{ savedAs: null }, { savedAs: 'for-moodle.zip' }]
    const wrapper = await mountPage(async () => exported, 'en', async (input) => {
      saves.push(input)
      return answers.shift() ?? { savedAs: null }
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(saves).toEqual([{ packageId: exported.packageId }])
    const told = wrapper.get('[data-testid="export-handed-over"]')
    expect(told.attributes('role')).toBe('status')
    expect(told.text()).toBe('The package has not been saved yet. Save it to upload it to your LMS.')
    const again = wrapper.findAll('button').find((button) => button.text() === 'Save the package')
    await again?.trigger('click')
    await flushPromises()
    expect(saves).toHaveLength(2)
    expect(told.text()).toBe('for-moodle.zip has been saved. Upload it to your LMS as a SCORM package.')
    expect(downloadFrom).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('says so when the package could not be saved, and downloads again in the browser on request', async () => {
    const failing = await mountPage(async () => exported, 'cy', async () => {
      throw new ApiError({ code: 'INTERNAL', message: 'The package could not be saved there (EACCES).' })
    })
    await failing.get('form').trigger('submit')
    await flushPromises()
    expect(failing.get('[data-testid="export-handed-over"]').text()).toBe("Nid oedd modd cadw'r pecyn yno. Rhowch gynnig arall arni, a dewis ffolder arall.")
    failing.unmount()

    const browser = await mountPage(async () => exported)
    await browser.get('form').trigger('submit')
    await flushPromises()
    await browser.findAll('button').find((button) => button.text() === 'Download again')?.trigger('click')
    await flushPromises()
    expect(downloadFrom).toHaveBeenCalledTimes(2)
    browser.unmount()
  })

  it('offers to test the package in a window of its own, in the learner’s language', async () => {
    const wrapper = await mountPage(async () => exported, 'cy')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const link = wrapper.get('[data-testid="test-package"]')
    expect(link.attributes('href')).toBe('preview.html?package=0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b&lang=cy')
    expect(link.attributes('target')).toBe('_blank')
    expect(link.attributes('rel')).toBe('noopener')
    expect(link.text()).toBe("Profi'r pecyn hwn (yn agor ffenestr newydd)")
    wrapper.unmount()
  })

  it('says, in the learner’s language, when the course is too long for the version, and what to do', async () => {
    const refuse = async (): Promise<ScormExportResult> => {
      throw new ApiError({ code: 'BAD_INPUT', message: 'This course is too long for SCORM 1.2: …', issues: [{ path: 'format', message: 'This course is too long for SCORM 1.2: …' }] })
    }
    for (const [language, words] of [
      ['en', 'Export fewer modules in each package, or export as SCORM 2004.'],
      ['cy', 'Allforiwch lai o fodiwlau ym mhob pecyn, neu allforiwch fel SCORM 2004.'],
    ] as const) {
      const wrapper = await mountPage(refuse, language)
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      const problem = wrapper.get('[role="alert"]').text()
      expect(problem).toContain(words)
      expect(problem).not.toContain('too long for SCORM 1.2: …')
      wrapper.unmount()
    }
  })

  it('says when a package cannot be tested, and still offers it to save', async () => {
    const wrapper = await mountPage(async () => ({ ...exported, previewId: null }))
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="test-package"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="export-summary"]').text()).toContain('This package cannot be tested here, but it has been saved.')
    wrapper.unmount()
  })

  it('sends no module list when every module is chosen, so the whole course is exported', async () => {
    const calls: MethodInput<'export.scorm'>[] = []
    const wrapper = await mountPage(async (input) => {
      calls.push(input)
      return { ...exported, summary: { ...exported.summary, format: 'scorm12', modules: ['one', 'two', 'three'] } }
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ courseId: 'demo', format: 'scorm12', reporting: 'passed-incomplete', interactions: 'assessments' }])
    wrapper.unmount()
  })

  it('lets the council choose how results are reported and which answers go to the LMS, and says which completion setting to tick', async () => {
    const calls: MethodInput<'export.scorm'>[] = []
    const wrapper = await mountPage(async (input) => {
      calls.push(input)
      return { ...exported, summary: { ...exported.summary, format: 'scorm12', reporting: 'completed-failed', interactions: 'none' } }
    })
    const reporting = wrapper.findAll<HTMLInputElement>('input[name="export-reporting"]')
    expect(reporting.map((radio) => [radio.element.value, radio.element.checked])).toEqual([
      ['passed-incomplete', true],
      ['passed-failed', false],
      ['completed-incomplete', false],
      ['completed-failed', false],
    ])
    expect(wrapper.text()).toContain('A learner who does not reach the pass mark can try again in the same attempt.')
    await wrapper.get('[data-testid="export-reporting-completed-failed"]').setValue(true)
    await wrapper.findAll<HTMLInputElement>('input[name="export-interactions"]').find((radio) => radio.element.value === 'none')?.setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ courseId: 'demo', format: 'scorm12', reporting: 'completed-failed', interactions: 'none' }])
    const summary = wrapper.get('[data-testid="export-summary"]').text()
    expect(summary).toContain('Completed or failed')
    expect(summary).toContain('“Require status: Completed”')
    expect(summary).toContain('None: the LMS records the result and the score')
    wrapper.unmount()
  })

  it('will not export without a module, and says why', async () => {
    const exportScorm = vi.fn(async () => exported)
    const wrapper = await mountPage(exportScorm)
    for (const box of wrapper.findAll<HTMLInputElement>('input[type="checkbox"]')) await box.setValue(false)
    expect(wrapper.text()).toContain('Choose at least one module.')
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    await wrapper.get('form').trigger('submit')
    expect(exportScorm).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('shows the exporter’s reason when the course cannot be exported, in Welsh too', async () => {
    const wrapper = await mountPage(async () => {
      throw new ApiError({ code: 'BAD_INPUT', message: 'These course files have names some LMSs mangle: media/a b.png.' })
    }, 'cy')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Nid oedd modd gwneud y pecyn: These course files have names some LMSs mangle: media/a b.png.')
    expect(wrapper.get('h1').text()).toBe('Allforio ar gyfer platfform dysgu')
    expect(downloadFrom).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
