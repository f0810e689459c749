import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

/** Prints why each skipped test was skipped: a skip without its reason hides missing coverage. */
export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = []

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return
    const reasons = test.annotations.filter((annotation) => annotation.type === 'skip').map((annotation) => annotation.description ?? 'no reason given')
    this.skipped.push(`  - ${test.titlePath().filter(Boolean).join(' › ')}: ${reasons.join('; ') || 'no reason given'}`)
  }

  onEnd(): void {
    if (this.skipped.length === 0) return
    process.stdout.write(`\nSkipped tests and why:\n${this.skipped.join('\n')}\n`)
  }

  printsToStdio(): boolean {
    return false
  }
}
