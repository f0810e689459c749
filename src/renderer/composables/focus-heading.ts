/**
 * After moving within the app, focus goes to the new screen's main heading, so keyboard and
 * screen reader users start reading there. The first screen after the app opens leaves focus
 * alone, so the skip link stays the first stop.
 */
export function focusHeading(heading: HTMLElement | null | undefined, options: { preventScroll?: boolean } = {}): void {
  if (!heading || window.history.state?.back == null) return
  heading.focus({ preventScroll: options.preventScroll ?? false })
}
