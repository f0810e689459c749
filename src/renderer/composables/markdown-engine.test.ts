import { describe, expect, it, vi } from 'vitest'

describe('markdown engine loading', () => {
  it('loads the engine once, on demand, and uses it afterwards', async () => {
    vi.resetModules()
    const engineModule = await import('./markdown-engine')
    const engine = { html: (source: string) => `<p>${source}</p>`, text: (source: string) => source }
    const load = vi.fn(async () => engine)
    engineModule.setMarkdownEngineLoader(load)
    expect(() => engineModule.markdownEngine()).toThrow(/No Markdown engine/)
    await Promise.all([engineModule.loadMarkdownEngine(), engineModule.loadMarkdownEngine()])
    await engineModule.loadMarkdownEngine()
    expect(load).toHaveBeenCalledOnce()
    expect(engineModule.markdownEngine().html('hi', 'c', {})).toBe('<p>hi</p>')
  })
})
