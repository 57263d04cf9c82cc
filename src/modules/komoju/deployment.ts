import type { ConfigModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type ModuleEntry = { resolve?: unknown; options?: { providers?: { resolve?: unknown }[] } } | boolean | undefined

/**
 * Medusa's one-shot commands (`medusa db:migrate`, `db:rollback`, `db:run-scripts`,
 * `exec`, `user`) set `MEDUSA_WORKER_MODE=server` themselves, to keep subscribers and
 * jobs from running: their "server" is no deployment, and warning about it would only
 * alarm a merchant running the migrations. `argv` is the process's (`process.argv`).
 */
export function isOneShotCommand(argv: readonly string[]): boolean {
  const command = argv[2] ?? ""
  return /^db:/.test(command) || command === "exec" || command === "user"
}

/**
 * What makes a split deployment (API servers and a worker) unsafe for KOMOJU payments,
 * as warnings: an in-memory event bus never carries a server's webhook delivery to the
 * worker, and in-memory locks do not keep two processes from completing, cancelling or
 * refunding the same cart at once. Pure.
 */
export function deploymentProblems(config: Pick<ConfigModule, "projectConfig" | "modules">): string[] {
  const mode = config.projectConfig?.workerMode
  if (mode !== "server" && mode !== "worker") return []
  const modules = (config.modules ?? {}) as Record<string, ModuleEntry>
  const named = (entry: ModuleEntry, pattern: RegExp) =>
    typeof entry === "object" &&
    (pattern.test(String(entry.resolve ?? "")) || (entry.options?.providers ?? []).some((p) => pattern.test(String(p.resolve ?? ""))))
  const problems: string[] = []
  if (!named(modules[Modules.EVENT_BUS], /redis/)) {
    problems.push(
      `KOMOJU: workerMode is "${mode}" but the event bus is in-memory: webhooks the API server accepts never reach the worker. Use @medusajs/medusa/event-bus-redis.`
    )
  }
  if (!named(modules[Modules.LOCKING], /redis|postgres/)) {
    problems.push(
      `KOMOJU: workerMode is "${mode}" but locking is in-memory: two processes can act on the same cart at once. Use @medusajs/medusa/locking with the Redis provider.`
    )
  }
  return problems
}
