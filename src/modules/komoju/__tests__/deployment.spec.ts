import { deploymentProblems } from "../deployment"

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
})
