import type { z } from 'zod'
import {
  ApiError,
  contract,
  fail,
  isMethodName,
  ok,
  type ApiResult,
  type Contract,
  type MethodName,
  type MethodOutput,
} from '../core/api'

export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>
}

export type Router = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>

export interface RouterLog {
  error(message: string, error: unknown): void
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }))
}

/**
 * The one implementation of the API contract that every transport calls. Method names and inputs
 * arrive as unknown values from an untrusted page; anything unexpected becomes a typed error.
 */
export function createRouter(handlers: Handlers, log: RouterLog = console): Router {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', `There is no API method called ${JSON.stringify(String(method).slice(0, 80))}.`)
    }
    const spec = contract[method]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return fail('BAD_INPUT', `The input to ${method} is not valid.`, issuesOf(parsed.error))
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        log.error(`${method} produced output that breaks its contract`, checked.error)
        return fail('INTERNAL', 'Civic Learn could not complete that request.')
      }
      return ok(checked.data)
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() }
      log.error(`${method} failed`, error)
      return fail('INTERNAL', 'Civic Learn could not complete that request.')
    }
  }
}
