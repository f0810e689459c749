import { inject, type InjectionKey } from 'vue'
import type { CivicApi } from '../../core/api'
import { createApiClient } from '../../core/api/client'
import type { CivicBridge } from '../../core/api/bridge'
import { httpSend, ipcSend, takeWebHostToken } from './transports'

export const API_KEY: InjectionKey<CivicApi> = Symbol('CivicApi')

/** Picks the transport once at start-up: the desktop preload's bridge, or the web host's HTTP API. */
export function createBrowserApi(win: Window & { civic?: CivicBridge }): CivicApi {
  if (win.civic) return createApiClient(ipcSend(win.civic))
  const token = takeWebHostToken(win.location, win.history, win.sessionStorage)
  return createApiClient(httpSend(token, win.fetch.bind(win)))
}

export function useApi(): CivicApi {
  const api = inject(API_KEY)
  if (!api) throw new Error('The Civic Learn API was not provided to the app.')
  return api
}
