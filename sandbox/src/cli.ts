#!/usr/bin/env node
import { HELP, parseCliArgs, type CliOptions } from "./cli-args"
import { startSandbox } from "./index"

async function main(): Promise<void> {
  let options: CliOptions
  try {
    options = parseCliArgs(process.argv.slice(2), process.env)
  } catch (error) {
    console.error(`komoju-sandbox: ${(error as Error).message}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(HELP)
    return
  }
  const sandbox = await startSandbox(options)
  const config = sandbox.config()
  console.log(`KOMOJU sandbox listening on ${sandbox.url}`)
  console.log(`  KOMOJU API    ${sandbox.apiUrl}   (Basic auth: ${sandbox.secretKey}${options.strictSecretKey ? "" : " or any sk_test_… key"})`)
  console.log(`  hosted page   ${sandbox.url}/sessions/<session id>`)
  console.log(`  control API   ${sandbox.url}/_sandbox   (no auth: keep it on loopback)`)
  console.log(`  webhooks      ${config.webhook_url ?? "none (set with --webhook-url or PATCH /_sandbox/config)"}`)
  if (options.stateFile) console.log(`  state file    ${options.stateFile}`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`komoju-sandbox: ${signal}, stopping`)
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on("SIGINT", () => stop("SIGINT"))
  process.on("SIGTERM", () => stop("SIGTERM"))
}

main().catch((error) => {
  console.error(`komoju-sandbox: ${(error as Error).message}`)
  process.exit(1)
})
