import type { CivicApi } from './contract'
import { unwrap, type ApiResult } from './errors'
import { METHOD_NAMES, type MethodName } from './methods'

/** How a transport delivers one call: it never throws, every failure is an envelope. */
export type SendCall = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>

/** Builds the typed CivicApi over any transport; failures become thrown ApiErrors. */
export function createApiClient(send: SendCall): CivicApi {
  const entries = METHOD_NAMES.map((method) => [method, async (input: unknown) => unwrap(await send(method, input))])
  return Object.fromEntries(entries) as CivicApi
}
