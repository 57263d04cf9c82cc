import { useEffect, useState, type DependencyList } from "react"

type Loaded<T> = { data: T | undefined; error: unknown; loading: boolean }

/**
 * Runs `load` when `deps` change and keeps the latest answer; an answer to an older
 * request (the shopper switched region meanwhile) is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true })

  useEffect(() => {
    let current = true
    setState((previous) => ({ ...previous, error: undefined, loading: true }))
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error, loading: false })
    )
    return () => {
      current = false
    }
    // The caller lists in `deps` what `load` reads.
  }, deps)

  return state
}
