/**
 * Sleeps that `cancelAll` ends at once, so closing the sandbox leaves no timer keeping
 * the process (or a test runner) alive.
 */
export class Timers {
  private pending = new Map<NodeJS.Timeout, () => void>()

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer)
        resolve()
      }, ms)
      this.pending.set(timer, resolve)
    })
  }

  /** Runs `task` after `ms` unless the returned function is called first. */
  after(ms: number, task: () => void): () => void {
    const timer = setTimeout(() => {
      this.pending.delete(timer)
      task()
    }, ms)
    this.pending.set(timer, () => undefined)
    return () => {
      clearTimeout(timer)
      this.pending.delete(timer)
    }
  }

  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer)
      resolve()
    }
    this.pending.clear()
  }
}
