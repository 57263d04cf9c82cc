import { spawn, type ChildProcess } from "node:child_process"
import { join } from "node:path"

jest.setTimeout(30_000)

const ROOT = join(__dirname, "../../..")
const CLI = join(ROOT, "sandbox/src/cli.ts")

/** The CLI from source, through ts-node (no build needed for the test). */
function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ["-r", "ts-node/register", CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1", TS_NODE_PROJECT: join(ROOT, "sandbox/tsconfig.json") },
  })
}

function collect(child: ChildProcess): { output: () => string } {
  let output = ""
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  return { output: () => output }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))

it("prints its options with --help and exits 0", async () => {
  const child = runCli(["--help"])
  const out = collect(child)
  expect(await exited(child)).toBe(0)
  expect(out.output()).toMatch(/--webhook-url <url>/)
  expect(out.output()).toMatch(/--state-file <path>/)
})

it("serves on the port it prints and stops cleanly on SIGTERM", async () => {
  const child = runCli(["--port", "0", "--no-ping"])
  const out = collect(child)
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const match = out.output().match(/listening on (http:\/\/\S+)/)
      if (match) resolve(match[1])
    })
    child.on("exit", () => reject(new Error(`exited early: ${out.output()}`)))
  })
  const health = await fetch(`${url}/_sandbox/health`)
  expect(await health.json()).toEqual({ ok: true })
  const exit = exited(child)
  child.kill("SIGTERM")
  expect(await exit).toBe(0)
})

it("exits 2 with a message on an unknown flag", async () => {
  const child = runCli(["--bogus"])
  const out = collect(child)
  expect(await exited(child)).toBe(2)
  expect(out.output()).toMatch(/unknown option --bogus/)
})
