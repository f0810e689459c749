/**
 * The privacy-enhanced video hosts an online video may come from: no tracking cookies until the
 * learner plays. One list for the course format's check, the CSP's frame-src and the desktop
 * shell's frame navigation guard.
 */
export const EMBED_HOSTS = [
  { origin: 'https://www.youtube-nocookie.com', prefix: 'https://www.youtube-nocookie.com/embed/', needs: '' },
  { origin: 'https://player.vimeo.com', prefix: 'https://player.vimeo.com/video/', needs: 'dnt=1' },
] as const

/** Whether a URL is an embed on one of those hosts, in the form the course format accepts. */
export function isPrivacyEnhancedEmbed(url: string): boolean {
  return EMBED_HOSTS.some((host) => url.startsWith(host.prefix) && url.includes(host.needs))
}
