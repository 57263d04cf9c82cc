/**
 * At most `size` pieces of work at once in this process; the rest wait their turn, in
 * the order they came. Pure bookkeeping: no timers, nothing shared across processes.
 */
export function slots(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`slots: size must be a whole number ≥ 1, not ${size}`)
  let busy = 0
  const waiting: (() => void)[] = []
  return async (work) => {
    if (busy >= size) await new Promise<void>((resolve) => waiting.push(resolve))
    else busy++
    try {
      return await work()
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = waiting.shift()
      if (next) next()
      else busy--
    }
  }
}

/** `work` over every item, at most `size` at once; the results in the items' order. */
export function pool<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const slot = slots(size)
  return Promise.all(items.map((item, index) => slot(() => work(item, index))))
}
