import { execFileSync } from "node:child_process"

/**
 * A free loopback port, found synchronously: medusa-config.ts is read when the test
 * runner is created, before any `beforeAll`, so the KOMOJU URL must be known by then.
 */
export function freePortSync(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
  return Number(execFileSync(process.execPath, ["-e", script]).toString())
}
