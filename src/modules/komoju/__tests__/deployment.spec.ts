import { defineConfig } from "@medusajs/framework/utils"
import { deploymentProblems, isOneShotCommand } from "../deployment"

const redis = {
  event_bus: { resolve: "@medusajs/medusa/event-bus-redis" },
  locking: { resolve: "@medusajs/medusa/locking", options: { providers: [{ resolve: "@medusajs/medusa/locking-redis" }] } },
}

describe("deploymentProblems", () => {
  it("says nothing for one process doing everything", () => {
    expect(deploymentProblems({ projectConfig: { workerMode: "shared" } as never, modules: {} })).toEqual([])
  })

  it.each(["server", "worker"])("warns a %s on the in-memory event bus and locks", (workerMode) => {
    const problems = deploymentProblems({ projectConfig: { workerMode } as never, modules: {} })
    expect(problems).toEqual([expect.stringContaining("event bus is in-memory"), expect.stringContaining("locking is in-memory")])
  })

  it("accepts Redis for both", () => {
    expect(deploymentProblems({ projectConfig: { workerMode: "worker" } as never, modules: redis })).toEqual([])
  })

  it("reads medusa-config.ts as Medusa normalizes it", () => {
    type Modules = { resolve: string; options: Record<string, unknown> }[]
    const split = (modules: Modules) => defineConfig({ projectConfig: { workerMode: "server", http: {} as never }, modules })
    expect(deploymentProblems(split([]))).toHaveLength(2)
    expect(
      deploymentProblems(
        split([
          { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: "redis://r" } },
          { resolve: "@medusajs/medusa/locking", options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "r", options: {} }] } },
        ])
      )
    ).toEqual([])
  })
})

describe("isOneShotCommand", () => {
  const medusa = (...args: string[]) => ["/usr/bin/node", "/app/node_modules/.bin/medusa", ...args]

  it("knows the commands that set MEDUSA_WORKER_MODE=server for themselves", () => {
    for (const command of ["db:migrate", "db:rollback", "db:run-scripts", "db:migrate-search", "exec", "user"]) {
      expect(isOneShotCommand(medusa(command, "--flag"))).toBe(true)
    }
  })

  it("leaves the servers and workers Medusa starts to the deployment check", () => {
    expect(isOneShotCommand(medusa("start"))).toBe(false)
    expect(isOneShotCommand(medusa("develop"))).toBe(false)
    expect(isOneShotCommand(["/usr/bin/node", "/app/server.js"])).toBe(false)
  })
})
