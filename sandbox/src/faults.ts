import type { IncomingMessage, ServerResponse } from "node:http"
import type { SandboxConfig } from "./config"
import type { Rng } from "./rng"
import type { Timers } from "./timers"

export type ApiFault = "error" | "timeout" | null

/**
 * Decides which API requests misbehave: the `next_*` counters first (deterministic),
 * then the rates, drawn from the seeded generator so a run can be repeated.
 */
export class FaultInjector {
  constructor(
    private readonly config: () => SandboxConfig,
    private readonly setConfig: (config: SandboxConfig) => void,
    private readonly rng: Rng
  ) {}

  decide(method: string, path: string): ApiFault {
    const config = this.config()
    if (config.fault_path_pattern && !new RegExp(config.fault_path_pattern).test(`${method} ${path}`)) return null
    if (config.next_timeouts > 0) {
      this.setConfig({ ...config, next_timeouts: config.next_timeouts - 1 })
      return "timeout"
    }
    if (config.next_errors > 0) {
      this.setConfig({ ...config, next_errors: config.next_errors - 1 })
      return "error"
    }
    if (this.rng.chance(config.timeout_rate)) return "timeout"
    if (this.rng.chance(config.error_rate)) return "error"
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
