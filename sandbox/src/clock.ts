/** The sandbox's notion of now: real time plus an offset tests and the demo can advance. */
export class Clock {
  private offsetMs = 0

  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000
  }

  set offsetSeconds(seconds: number) {
    this.offsetMs = seconds * 1000
  }
}

/** KOMOJU writes times in Japan time with milliseconds: 2020-12-09T18:26:59.000+09:00. */
export function komojuTime(date: Date): string {
  const jst = new Date(date.getTime() + 9 * 3600_000)
  return `${jst.toISOString().slice(0, 23)}+09:00`
}
