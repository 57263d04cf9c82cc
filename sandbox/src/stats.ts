/**
 * KOMOJU API requests counted as they arrive, and how many are being handled at once
 * (`GET /_sandbox/stats`): what a client's concurrency towards KOMOJU looks like from
 * KOMOJU's side. Unlike the request log, it has no size cap.
 */
export type RequestStats = {
  /** API requests received since the last reset. */
  requests: number
  /** Being handled now (latency, processing, a withheld answer). */
  in_flight: number
  /** The most handled at once since the last reset. */
  peak_in_flight: number
  /**
   * Time spent answering API requests since the last reset, summed over requests (ms,
   * from the request's arrival to its answer, latency included): KOMOJU's side of the
   * round trips, which a client's own time excludes.
   */
  busy_ms: number
}

export class RequestGauge {
  private received = 0
  private current = 0
  private peak = 0
  private busy = 0
  /** Resets so far, and when the last one was: a request's time counts from the later of its arrival and the reset. */
  private epoch = 0
  private resetAt = 0

  /** A request arrived; the answer to `leave` with once it is sent. */
  enter(): { since: number; epoch: number } {
    this.received++
    this.current++
    if (this.current > this.peak) this.peak = this.current
    return { since: performance.now(), epoch: this.epoch }
  }

  leave(entered: { since: number; epoch: number }): void {
    this.current = Math.max(0, this.current - 1)
    // A request under way at a reset counts its time after the reset only.
    const since = entered.epoch === this.epoch ? entered.since : this.resetAt
    this.busy += performance.now() - since
  }

  read(): RequestStats {
    return { requests: this.received, in_flight: this.current, peak_in_flight: this.peak, busy_ms: Math.round(this.busy * 1000) / 1000 }
  }

  /** Starts counting afresh; requests under way stay in flight (and set the new peak). */
  reset(): void {
    this.received = 0
    this.peak = this.current
    this.busy = 0
    this.epoch++
    this.resetAt = performance.now()
  }
}
