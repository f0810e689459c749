import type { ApiResult } from './errors'
import type { MethodName } from './methods'

/** The global name under which the desktop preload exposes the API to the renderer. */
export const BRIDGE_KEY = 'civic'

/**
 * What the desktop preload exposes on `window.civic`: one function per API method, each answering
 * with the router's envelope. Inputs are unknown because the main process validates them anyway.
 */
export type CivicBridge = { readonly [M in MethodName]: (input: unknown) => Promise<ApiResult<unknown>> }
