import { DEFAULTS } from "./constants"
import type { SandboxOptions } from "./index"

export const HELP = `komoju-sandbox: a local KOMOJU (REST API, hosted payment page, signed webhooks)
for development and CI, with no network and no KOMOJU account.

Usage: komoju-sandbox [options]

  --port <n>                 port (default ${DEFAULTS.port}; 0 = any free port)      env KOMOJU_SANDBOX_PORT
  --host <host>              interface (default ${DEFAULTS.host})                 env KOMOJU_SANDBOX_HOST
  --secret-key <key>         secret key clients use (default ${DEFAULTS.secretKey})   env KOMOJU_SANDBOX_SECRET_KEY
                             (any other sk_test_… key is accepted too)
  --strict-secret-key        accept only --secret-key                        env KOMOJU_SANDBOX_STRICT_SECRET_KEY=1
  --webhook-url <url>        where events are POSTed (a ping is sent at start) env KOMOJU_SANDBOX_WEBHOOK_URL
  --webhook-secret <s>       signs events (default ${DEFAULTS.webhookSecret})         env KOMOJU_SANDBOX_WEBHOOK_SECRET
  --public-url <url>         base of session_url (default http://host:port)  env KOMOJU_SANDBOX_PUBLIC_URL
  --state-file <path>        keep state in this JSON file across restarts    env KOMOJU_SANDBOX_STATE_FILE
  --seed <n>                 seed for fault injection (repeatable runs)      env KOMOJU_SANDBOX_SEED
  --webhook-max-attempts <n> attempts per delivery (default 5)               env KOMOJU_SANDBOX_WEBHOOK_MAX_ATTEMPTS
  --webhook-retry-base-ms <n> first retry after n ms, doubling (default 1000) env KOMOJU_SANDBOX_WEBHOOK_RETRY_BASE_MS
  --no-ping                  do not send a ping at start
  -h, --help                 this text

KOMOJU API: <url>/api/v1    hosted page: <url>/sessions/<id>    control API: <url>/_sandbox
Documentation: sandbox/README.md in medusa-payment-komoju.`

export type CliOptions = SandboxOptions & { help?: boolean }

/** Flags win over environment variables; both are checked so a typo fails loudly. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = {}): CliOptions {
  const options: CliOptions = {
    port: optionalNumber(env.KOMOJU_SANDBOX_PORT, "KOMOJU_SANDBOX_PORT"),
    host: env.KOMOJU_SANDBOX_HOST || undefined,
    secretKey: env.KOMOJU_SANDBOX_SECRET_KEY || undefined,
    strictSecretKey: env.KOMOJU_SANDBOX_STRICT_SECRET_KEY === "1" || env.KOMOJU_SANDBOX_STRICT_SECRET_KEY === "true",
    webhookUrl: env.KOMOJU_SANDBOX_WEBHOOK_URL || undefined,
    webhookSecret: env.KOMOJU_SANDBOX_WEBHOOK_SECRET || undefined,
    publicUrl: env.KOMOJU_SANDBOX_PUBLIC_URL || undefined,
    stateFile: env.KOMOJU_SANDBOX_STATE_FILE || undefined,
    seed: optionalNumber(env.KOMOJU_SANDBOX_SEED, "KOMOJU_SANDBOX_SEED"),
    webhookRetry: {
      maxAttempts: optionalNumber(env.KOMOJU_SANDBOX_WEBHOOK_MAX_ATTEMPTS, "KOMOJU_SANDBOX_WEBHOOK_MAX_ATTEMPTS"),
      baseMs: optionalNumber(env.KOMOJU_SANDBOX_WEBHOOK_RETRY_BASE_MS, "KOMOJU_SANDBOX_WEBHOOK_RETRY_BASE_MS"),
    },
    pingOnStart: true,
  }
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].startsWith("--") ? argv[i].indexOf("=") : -1
    const flag = eq > 0 ? argv[i].slice(0, eq) : argv[i]
    const inline = eq > 0 ? argv[i].slice(eq + 1) : undefined
    const value = () => {
      const next = inline ?? argv[++i]
      if (next === undefined || (inline === undefined && next.startsWith("--"))) throw new Error(`${flag} needs a value`)
      return next
    }
    switch (flag) {
      case "-h":
      case "--help":
        options.help = true
        break
      case "--port":
        options.port = requiredNumber(value(), flag)
        break
      case "--host":
        options.host = value()
        break
      case "--secret-key":
        options.secretKey = value()
        break
      case "--strict-secret-key":
        options.strictSecretKey = true
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
        options.seed = requiredNumber(value(), flag)
        break
      case "--webhook-max-attempts":
        options.webhookRetry = { ...options.webhookRetry, maxAttempts: requiredNumber(value(), flag) }
        break
      case "--webhook-retry-base-ms":
        options.webhookRetry = { ...options.webhookRetry, baseMs: requiredNumber(value(), flag) }
        break
      case "--no-ping":
        options.pingOnStart = false
        break
      default:
        throw new Error(`unknown option ${flag} (see --help)`)
    }
  }
  if (options.port !== undefined && (options.port < 0 || options.port > 65535)) throw new Error("--port must be from 0 to 65535")
  return options
}

function requiredNumber(text: string, name: string): number {
  const number = Number(text)
  if (!Number.isInteger(number)) throw new Error(`${name} must be a whole number, not ${text}`)
  return number
}

function optionalNumber(text: string | undefined, name: string): number | undefined {
  return text === undefined || text === "" ? undefined : requiredNumber(text, name)
}
