import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from './csp'

const directives = new Map(
  CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
    const [name = '', ...values] = directive.split(' ')
    return [name, values]
  }),
)

describe('content security policy', () => {
  it('allows frames only from the privacy-enhanced video hosts, over https', () => {
    expect(directives.get('frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com'])
  })

  it('keeps everything else to the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('media-src')).toEqual(["'self'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*/)
  })
})
