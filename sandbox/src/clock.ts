const JST_OFFSET_MS = 9 * 3600_000
const DAY_MS = 86_400_000

/** The sandbox's "now": real time plus an offset that tests and demos can move forward. */
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
  const jst = new Date(date.getTime() + JST_OFFSET_MS)
  return `${jst.toISOString().slice(0, 23)}+09:00`
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000)
}

/**
 * A cash payment may be paid until the end of the Japanese day `days` from now (KOMOJU's
 * deadlines read 23:59:59 JST, e.g. 2023-02-19T14:59:59Z).
 */
export function endOfJapanDayAfter(date: Date, days: number): Date {
  const jstMidnight = Math.floor((date.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS
  return new Date(jstMidnight + (days + 1) * DAY_MS - 1000 - JST_OFFSET_MS)
}

export function isPast(time: string | null, now: Date): boolean {
  return time !== null && Date.parse(time) < now.getTime()
}
