import type { SendCall } from '../../core/api'
import type { CivicBridge } from '../../core/api/bridge'
import { fail, type ApiResult } from '../../core/api/errors'
import { TOKEN_HEADER } from '../../core/app-meta'

export function ipcSend(bridge: CivicBridge): SendCall {
  return (method, input) => bridge[method](input)
}

const TOKEN_KEY = 'civic-learn-token'

/**
 * The web host prints its URL with `?token=…`. The page keeps the token for this tab only and
 * takes it out of the address bar so it is not bookmarked or shared by accident.
 */
export function takeWebHostToken(location: Location, history: History, storage: Storage): string {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(TOKEN_KEY) ?? ''
}

export function httpSend(token: string, fetchImpl: typeof fetch = fetch): SendCall {
  return async (method, input) => {
    let response: Response
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      })
    } catch {
      return fail('UNAVAILABLE', 'The Civic Learn web host is not responding. Is it still running?')
    }
    try {
      return (await response.json()) as ApiResult<unknown>
    } catch {
      return fail('UNAVAILABLE', `The Civic Learn web host answered with an unexpected response (HTTP ${response.status}).`)
    }
  }
}
