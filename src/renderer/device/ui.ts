import type { Component, InjectionKey } from 'vue'

/**
 * Pieces of the shared screens that only the desktop app and the web host show, where the learner's
 * record lives on the device: the learner's links in the header, notices about the data files,
 * the certificate button and the first-run question of the learner's name. The app provides them
 * (install.ts); a SCORM package, whose LMS keeps the record and issues certificates, provides
 * none, so neither their code nor their strings are in its bundle.
 */
export interface DeviceUi {
  learnerNav: Component
  dataNotices: Component
  certificateButton: Component
  namePrompt: Component
}

export const DEVICE_UI: InjectionKey<DeviceUi> = Symbol('device-ui')
