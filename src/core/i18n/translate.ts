/** A catalogue area as written in `locales/<language>/<area>.json`: messages nested by key. */
export interface Messages {
  readonly [key: string]: string | Messages
}

/** What fills a message's `{name}` placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>

/** A message by its dotted key, placeholders filled. vue-i18n's `t` is one; `translator` makes another. */
export type Translate = (key: string, values?: MessageValues) => string

const PLACEHOLDER = /\{(\w+)\}/g

function lookUp(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/**
 * `text` with its `{name}` placeholders filled from `values`, any it has no value for left as
 * written: for words whose values come from elsewhere (the network), where a missing one must not
 * throw.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole))
}

/**
 * The message lookup for hosts without vue-i18n: the Node services that write certificates,
 * notebooks and results. It reads `{name}` placeholders and nothing else of vue-i18n's syntax,
 * which the documents' messages keep to (catalogues.test.ts). A missing message or value throws,
 * so a mistake fails a test instead of printing a key on a learner's certificate.
 */
export function translator(...catalogues: readonly Messages[]): Translate {
  return (key, values = {}) => {
    const message = catalogues.map((messages) => lookUp(messages, key)).find((found) => found !== undefined)
    if (message === undefined) throw new Error(`No message "${key}" in the catalogue`)
    return message.replace(PLACEHOLDER, (_, name: string) => {
      if (!Object.hasOwn(values, name)) throw new Error(`Message "${key}" needs a value for {${name}}`)
      return String(values[name])
    })
  }
}
