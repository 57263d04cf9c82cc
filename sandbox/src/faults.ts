import type { IncomingMessage, ServerResponse } from "node:http"
import type { FaultRates, SandboxConfig } from "./config"
import { ErrorCode } from "./constants"
import type { Rng } from "./rng"
import type { Timers } from "./timers"

/**
 * - `error`: a 5xx answer, nothing processed;
 * - `timeout`: no answer, nothing processed;
 * - `lost_answer`: processed, then the answer is lost (the case idempotency keys exist for).
 */
export type ApiFault = "error" | "timeout" | "lost_answer" | null

/** The 5xx answers KOMOJU documents; 504 is "not processed, retry". */
export const ERROR_STATUSES = {
  500: ErrorCode.InternalServerError,
  502: ErrorCode.BadGateway,
  503: ErrorCode.ServiceUnavailable,
  504: ErrorCode.GatewayTimeout,
} as const
export type ErrorStatus = keyof typeof ERROR_STATUSES

/** `endpoint_faults` keys: "POST /payments/:id/refund", ":id" standing for any id. */
export const ENDPOINT_KEY = /^(GET|POST|PATCH|PUT|DELETE) \/[^\s]*$/

function endpointPattern(key: string): RegExp {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:id/g, "[a-z0-9]+")
  return new RegExp(`^${escaped}$`)
}

/**
 * Decides which API requests misbehave: the `next_*` counters first (deterministic),
 * then the rates of the request's endpoint (`endpoint_faults`) or the global ones. One
 * draw from the seeded generator picks among the three faults, so they mix in the
 * configured shares and a run repeats with its seed.
 */
export class FaultInjector {
  constructor(
    private readonly config: () => SandboxConfig,
    private readonly setConfig: (config: SandboxConfig) => void,
    private readonly rng: Rng
  ) {}

  decide(method: string, path: string): ApiFault {
    const config = this.config()
    const target = `${method} ${path}`
    if (config.fault_path_pattern && !new RegExp(config.fault_path_pattern).test(target)) return null
    if (config.next_timeouts > 0) {
      this.setConfig({ ...config, next_timeouts: config.next_timeouts - 1 })
      return "timeout"
    }
    if (config.next_lost_answers > 0) {
      this.setConfig({ ...config, next_lost_answers: config.next_lost_answers - 1 })
      return "lost_answer"
    }
    if (config.next_errors > 0) {
      this.setConfig({ ...config, next_errors: config.next_errors - 1 })
      return "error"
    }
    const rule = Object.entries(config.endpoint_faults).find(([key]) => endpointPattern(key).test(target))
    return this.draw(rule ? rule[1] : config)
  }

  private draw(rates: Partial<FaultRates>): ApiFault {
    const error = rates.error_rate ?? 0
    const timeout = rates.timeout_rate ?? 0
    const lost = rates.lost_answer_rate ?? 0
    // Nothing drawn when no fault is on, so turning one on elsewhere does not shift this sequence.
    if (error + timeout + lost <= 0) return null
    const roll = this.rng.next()
    if (roll < error) return "error"
    if (roll < error + timeout) return "timeout"
    if (roll < error + timeout + lost) return "lost_answer"
    return null
  }
}

/**
 * No answer: either the socket is held open past any sensible client timeout and then
 * dropped, or reset at once (the client sees ECONNRESET / "socket hang up").
 */
export function loseResponse(req: IncomingMessage, res: ServerResponse, config: SandboxConfig, timers: Timers): void {
  if (config.timeout_mode === "reset") {
    req.socket.destroy()
    return
  }
  let dropped = false
  const drop = () => {
    if (dropped) return
    dropped = true
    req.socket.destroy()
  }
  res.on("close", drop)
  void timers.sleep(config.timeout_hold_ms).then(drop)
}
