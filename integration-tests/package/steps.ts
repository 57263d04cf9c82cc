import { spawn } from "node:child_process"

const started = Date.now()

/**
 * Says which step the suite is in, at once: jest holds console output back until a file
 * ends, so a CI log would not show where a stuck run stopped.
 */
export function step(what: string) {
  process.stderr.write(`[package ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}\n`)
}

/** Runs a command (npm, npx) to its end; rejects with the tail of its output if it fails. */
export function run(command: string, args: string[], { cwd, env = process.env }: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let output = ""
    child.stdout.on("data", (chunk) => {
      stdout += chunk
      output += chunk
    })
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${output.slice(-6000)}`))
    )
  })
}
