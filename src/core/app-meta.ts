export const APP_NAME = 'Civic Learn'

/** The custom scheme and host the desktop app serves its renderer and course media from. */
export const APP_SCHEME = 'civic'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Header carrying the web host's per-run secret on every API call. */
export const TOKEN_HEADER = 'x-civic-token'

/** Where the web host serves an exported package for download: `/exports/<packageId>`, outside the token-checked API. */
export const EXPORTS_PATH = '/exports/'
