#!/usr/bin/env node
import { startSandbox, type SandboxOptions } from "./index"

const HELP = `komoju-sandbox: a local KOMOJU (API, hosted page, signed webhooks) for development and CI

Usage: komoju-sandbox [options]

  --port <n>              port to listen on (default 4010; env KOMOJU_SANDBOX_PORT)
  --host <host>           interface (default 127.0.0.1; env KOMOJU_SANDBOX_HOST)
  --secret-key <key>      secret key clients use (default sk_test_sandbox; any sk_test_ key works)
  --webhook-url <url>     where to POST events (env KOMOJU_SANDBOX_WEBHOOK_URL)
  --webhook-secret <s>    webhook signing secret (default whsec_sandbox; env KOMOJU_SANDBOX_WEBHOOK_SECRET)
  --public-url <url>      base URL browsers use for session_url (default http://host:port)
  --state-file <path>     keep state in this JSON file across restarts
  --seed <n>              seed for fault injection
  --help                  this text

API: <url>/api/v1   Control API: <url>/_sandbox   (see sandbox/README.md)`

function parseArgs(argv: string[]): SandboxOptions & { help?: boolean } {
  const env = process.env
  const options: SandboxOptions & { help?: boolean } = {
    port: env.KOMOJU_SANDBOX_PORT ? Number(env.KOMOJU_SANDBOX_PORT) : undefined,
    host: env.KOMOJU_SANDBOX_HOST,
    webhookUrl: env.KOMOJU_SANDBOX_WEBHOOK_URL,
    webhookSecret: env.KOMOJU_SANDBOX_WEBHOOK_SECRET,
    pingOnStart: true,
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${flag} needs a value`)
      return next
    }
    switch (flag) {
      case "--help":
      case "-h":
        options.help = true
        break
      case "--port":
        options.port = Number(value())
        break
      case "--host":
        options.host = value()
        break
      case "--secret-key":
        options.secretKey = value()
        break
      case "--webhook-url":
        options.webhookUrl = value()
        break
      case "--webhook-secret":
        options.webhookSecret = value()
        break
      case "--public-url":
        options.publicUrl = value()
        break
      case "--state-file":
        options.stateFile = value()
        break
      case "--seed":
        options.seed = Number(value())
        break
      default:
        throw new Error(`unknown option ${flag} (see --help)`)
    }
  }
  return options
}

async function main() {
  let options: ReturnType<typeof parseArgs>
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`komoju-sandbox: ${(error as Error).message}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(HELP)
    return
  }
  const sandbox = await startSandbox(options)
  console.log(`KOMOJU sandbox on ${sandbox.url}`)
  console.log(`  API          ${sandbox.apiUrl}  (secret key ${sandbox.secretKey})`)
  console.log(`  control API  ${sandbox.url}/_sandbox`)
  console.log(`  webhooks     ${sandbox.config().webhook_url ?? "(none; set with --webhook-url)"}`)
  const stop = async () => {
    await sandbox.close()
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

void main()
