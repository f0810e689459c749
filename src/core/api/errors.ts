/** Every failure that crosses the API boundary carries one of these codes, never a stack trace. */
export const API_ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface ApiErrorBody {
  code: ApiErrorCode
  message: string
  /** Where the input was wrong, as dotted paths, with a message for each. */
  issues?: { path: string; message: string }[]
  /** Why a workshop session refused, by code (src/core/workshop/refusals.ts): the trainer's screen says it in their language. */
  refusal?: { code: string; values?: Readonly<Record<string, number>> }
}

/** What every transport carries back: a value, or a typed error. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly issues: ApiErrorBody['issues']
  readonly refusal: ApiErrorBody['refusal']

  constructor(body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.code = body.code
    this.issues = body.issues
    this.refusal = body.refusal
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.refusal ? { refusal: this.refusal } : {}),
    }
  }
}

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value }
}

export function fail(code: ApiErrorCode, message: string, issues?: ApiErrorBody['issues']): ApiResult<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } }
}

/** Turns a transport's result back into a value or a thrown ApiError, for callers in the UI. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error)
}
