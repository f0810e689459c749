/**
 * Options for `vi.waitFor` when waiting for work that always finishes (a component loading, a
 * promise settling, a file being written): Vitest's default gives up after one second, which a
 * loaded machine can take. This timeout only catches a hang.
 */
export const EVENTUALLY = { timeout: 30_000, interval: 20 } as const
