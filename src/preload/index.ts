import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_KEY, type CivicBridge } from '../core/api/bridge'
import { METHOD_NAMES, ipcChannel } from '../core/api/methods'

/**
 * One named function per contract method and nothing else: the page never gets ipcRenderer, a
 * channel name or a generic invoke, so it can reach no handler the contract does not list.
 */
const bridge = Object.fromEntries(
  METHOD_NAMES.map((method) => {
    const channel = ipcChannel(method)
    return [method, (input: unknown) => ipcRenderer.invoke(channel, input)]
  }),
) as CivicBridge

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
