import net from "node:net"

type Reply = string | number | null | Error | Reply[]

/**
 * One Redis command over a fresh connection, with its reply: enough for the test stacks
 * (PING, INCR, CONFIG GET, FLUSHDB) without a client library. The URL's database
 * number is selected first.
 */
export function redisCommand(url: string, args: string[], timeoutMs = 2000): Promise<Reply> {
  const { hostname, port, username, password, pathname } = new URL(url)
  const db = Number(pathname.replace(/^\//, "") || 0)
  const commands: string[][] = []
  if (password) {
    commands.push(username ? ["AUTH", decodeURIComponent(username), decodeURIComponent(password)] : ["AUTH", decodeURIComponent(password)])
  }
  if (db) commands.push(["SELECT", String(db)])
  commands.push(args)
  const wire = commands
    .map((command) => `*${command.length}\r\n${command.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`)
    .join("")
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 6379) })
    let buffer = Buffer.alloc(0)
    const replies: Reply[] = []
    const fail = (error: Error) => {
      socket.destroy()
      reject(error)
    }
    socket.setTimeout(timeoutMs, () => fail(new Error(`Redis at ${hostname}:${port} did not answer ${args[0]}`)))
    socket.once("error", fail)
    socket.on("connect", () => socket.write(wire))
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      for (let parsed = parseReply(buffer, 0); parsed; parsed = parseReply(buffer, 0)) {
        replies.push(parsed.value)
        buffer = buffer.subarray(parsed.end)
      }
      if (replies.length === commands.length) {
        socket.end()
        const failed = replies.find((reply): reply is Error => reply instanceof Error)
        if (failed) reject(failed)
        else resolve(replies[replies.length - 1])
      }
    })
  })
}

function parseReply(buffer: Buffer, start: number): { value: Reply; end: number } | undefined {
  const lineEnd = buffer.indexOf("\r\n", start)
  if (lineEnd < 0) return undefined
  const type = String.fromCharCode(buffer[start])
  const line = buffer.toString("utf8", start + 1, lineEnd)
  const next = lineEnd + 2
  switch (type) {
    case "+":
      return { value: line, end: next }
    case "-":
      return { value: new Error(`Redis: ${line}`), end: next }
    case ":":
      return { value: Number(line), end: next }
    case "$": {
      const length = Number(line)
      if (length < 0) return { value: null, end: next }
      if (buffer.length < next + length + 2) return undefined
      return { value: buffer.toString("utf8", next, next + length), end: next + length + 2 }
    }
    case "*": {
      const items: Reply[] = []
      let end = next
      for (let i = 0; i < Number(line); i++) {
        const item = parseReply(buffer, end)
        if (!item) return undefined
        items.push(item.value)
        end = item.end
      }
      return { value: items, end }
    }
    default:
      throw new Error(`Redis: unexpected reply ${JSON.stringify(buffer.toString("utf8", start, lineEnd))}`)
  }
}

/**
 * A logical database of its own for one test stack, so that stacks running at the same
 * time on one Redis (parallel jest workers) never share a queue, a lock or a cache key.
 * The counter lives in database 0, so the choice is atomic across processes. The
 * database is emptied before use.
 */
export async function claimRedisDatabase(baseUrl: string): Promise<{ url: string; release(): Promise<void> }> {
  const base = new URL(baseUrl)
  base.pathname = ""
  const root = base.toString().replace(/\/$/, "")
  let databases = 16
  try {
    const reply = await redisCommand(root, ["CONFIG", "GET", "databases"])
    if (Array.isArray(reply) && reply[1]) databases = Number(reply[1])
  } catch {
    // CONFIG may be disabled on a managed Redis: assume the default 16.
  }
  const ticket = Number(await redisCommand(root, ["INCR", "komoju-test:stack-database"]))
  const db = 1 + ((ticket - 1) % (databases - 1))
  const url = `${root}/${db}`
  await redisCommand(url, ["FLUSHDB"])
  return {
    url,
    release: async () => {
      await redisCommand(url, ["FLUSHDB"]).catch(() => undefined)
    },
  }
}
