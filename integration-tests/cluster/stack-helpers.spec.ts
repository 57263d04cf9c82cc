import { spawn } from "node:child_process"
import { freePort } from "../helpers/medusa-stack"
import { groupListensOn } from "../helpers/medusa-server"
import { claimRedisDatabase, redisCommand } from "../helpers/redis"

/** The pieces the stack helper relies on to keep parallel suites apart. */
describe("stack helpers", () => {
  it("tells a port its own process group listens on from one another process holds", async () => {
    const [mine, theirs] = [await freePort(), await freePort()]
    const listen = (port: number) =>
      spawn(process.execPath, ["-e", `require("http").createServer((q, s) => s.end("ok")).listen(${port}, () => console.log("up"))`], {
        detached: true,
        stdio: ["ignore", "pipe", "ignore"],
      })
    const children = [listen(mine), listen(theirs)]
    try {
      await Promise.all(children.map((child) => new Promise((resolve) => child.stdout!.once("data", resolve))))
      expect(groupListensOn(children[0].pid!, mine)).toBe(true)
      expect(groupListensOn(children[0].pid!, theirs)).toBe(false)
      expect(groupListensOn(children[1].pid!, theirs)).toBe(true)
    } finally {
      for (const child of children) process.kill(-child.pid!, "SIGKILL")
    }
  })

  it("gives each stack a Redis database of its own, emptied first", async () => {
    const base = process.env.TEST_REDIS_URL
    if (!base) throw new Error("TEST_REDIS_URL is not set: run through `npm test`")
    const a = await claimRedisDatabase(base)
    await redisCommand(a.url, ["SET", "left-over", "1"])
    const b = await claimRedisDatabase(base)
    try {
      expect(b.url).not.toBe(a.url)
      expect(await redisCommand(b.url, ["GET", "left-over"])).toBeNull()
      expect(await redisCommand(a.url, ["GET", "left-over"])).toBe("1")
    } finally {
      await a.release()
      await b.release()
    }
    expect(await redisCommand(a.url, ["DBSIZE"])).toBe(0)
  })
})
