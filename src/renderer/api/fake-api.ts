import type { CivicApi } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { METHOD_NAMES } from '../../core/api/methods'

/**
 * A CivicApi for component tests: the methods a test gives, and every other method failing
 * loudly so a test never passes by calling something it did not expect.
 */
export function fakeApi(methods: Partial<CivicApi>): CivicApi {
  const unexpected = (method: string) => async () => {
    throw new ApiError({ code: 'INTERNAL', message: `The test did not expect a call to ${method}.` })
  }
  return Object.fromEntries(METHOD_NAMES.map((method) => [method, methods[method] ?? unexpected(method)])) as CivicApi
}
