/**
 * What went wrong, in words: Medusa's workflows reject with plain objects as often as
 * with Errors, and "[object Object]" helps nobody reading a log.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message
    if (typeof message === "string") return message
    try {
      return JSON.stringify(error).slice(0, 500)
    } catch {
      return String(error)
    }
  }
  return String(error)
}
