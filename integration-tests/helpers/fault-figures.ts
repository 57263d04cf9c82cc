import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/** One measured line of the fault suite: how many were tried, how many held. */
export type FaultFigure = { check: string; tried: number; held: number; detail?: string }

const DIR = join(__dirname, "../../reports/fault-suite")

/**
 * Collects a suite's figures and writes them to reports/fault-suite/<suite>.json; the
 * test runner prints every suite's figures as one table after the run.
 */
export class FaultFigures {
  private readonly figures: FaultFigure[] = []

  constructor(private readonly suite: string) {}

  add(figure: FaultFigure): void {
    this.figures.push(figure)
    mkdirSync(DIR, { recursive: true })
    writeFileSync(join(DIR, `${this.suite}.json`), JSON.stringify(this.figures, null, 2))
  }
}
