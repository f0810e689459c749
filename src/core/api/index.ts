export * from './contract'
export * from './errors'
export * from './methods'
export * from './client'
