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
}

export class RequestGauge {
  private received = 0
  private current = 0
  private peak = 0

  enter(): void {
    this.received++
    this.current++
    if (this.current > this.peak) this.peak = this.current
  }

  leave(): void {
    this.current = Math.max(0, this.current - 1)
  }

  read(): RequestStats {
    return { requests: this.received, in_flight: this.current, peak_in_flight: this.peak }
  }

  /** Starts counting afresh; requests under way stay in flight (and set the new peak). */
  reset(): void {
    this.received = 0
    this.peak = this.current
  }
}
