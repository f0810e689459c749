import { readFileSync } from 'node:fs'

/** The value below which `p` per cent of the values lie (the nearest one, no interpolation). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

export const median = (values: readonly number[]): number => percentile(values, 50)

/**
 * CPU time (user + system) in ms from Linux's /proc: a process's own (`pid`), or that of the
 * children this process has waited for (`'children'`). NaN where the system does not say.
 */
export function procCpuMs(of: number | 'children'): number {
  try {
    const stat = readFileSync(`/proc/${of === 'children' ? 'self' : of}/stat`, 'utf8')
    // After the name: utime and stime are fields 14 and 15, cutime and cstime 16 and 17 (1-based), in ticks of 10 ms.
    const fields = stat.replace(/^.*\) /, '').split(' ')
    const first = of === 'children' ? 13 : 11
    return (Number(fields[first]) + Number(fields[first + 1])) * 10
  } catch {
    return Number.NaN
  }
}
