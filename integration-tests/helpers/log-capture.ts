import { logger } from "@medusajs/framework/logger"

const METHODS = ["info", "warn", "error", "debug", "log"] as const

/**
 * Watches every line Medusa's logger (the one the plugin logs through) is given while
 * the suite runs, whatever the log level, so a test can check what would reach the logs.
 */
export function captureLogs() {
  const spies = METHODS.map((method) => jest.spyOn(logger, method))
  const lines = () =>
    spies.flatMap((spy) =>
      spy.mock.calls.map((args: unknown[]) =>
        args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack ?? ""}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ")
      )
    )
  return { text: () => lines().join("\n"), count: () => lines().length }
}

/** Which of `secrets` appear in `text`. */
export function secretsIn(text: string, secrets: string[]): string[] {
  return [...new Set(secrets.filter((secret) => secret && text.includes(secret)))]
}
