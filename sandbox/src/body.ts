import type { IncomingMessage } from "node:http"
import { ApiError } from "./errors"

export type Params = Record<string, unknown>

const MAX_BODY_BYTES = 1_000_000

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "bad_request", "Request body too large")
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString("utf8")
}

/**
 * KOMOJU takes form-encoded bodies with Rails-style bracket keys (`payment_data[name]`,
 * `payment_types[]`) as in its curl samples, and JSON as in its Ruby sample.
 */
export function parseParams(raw: string, contentType: string | undefined): Params {
  if (!raw.trim()) return {}
  if (contentType?.includes("application/json")) {
    try {
      const parsed = JSON.parse(raw)
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Params
    } catch {
      // reported below
    }
    throw new ApiError(400, "bad_request", "The request body is not valid JSON")
  }
  return parseBracketForm(new URLSearchParams(raw))
}

export function parseBracketForm(form: URLSearchParams): Params {
  const params: Params = {}
  for (const [key, value] of form) {
    const path = key.replace(/\]/g, "").split("[")
    let node: Record<string, unknown> = params
    path.forEach((part, index) => {
      const last = index === path.length - 1
      const nextIsArray = path[index + 1] === ""
      if (last) {
        if (part === "") return
        node[part] = value
      } else if (nextIsArray && index + 1 === path.length - 1) {
        const list = Array.isArray(node[part]) ? (node[part] as unknown[]) : []
        list.push(value)
        node[part] = list
      } else {
        if (typeof node[part] !== "object" || node[part] === null) node[part] = {}
        node = node[part] as Record<string, unknown>
      }
    })
  }
  return params
}
