import type { IncomingMessage } from "node:http"
import { ErrorCode, LIMITS } from "./constants"
import { ApiError } from "./errors"

export type Params = Record<string, unknown>

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > LIMITS.maxBodyBytes) throw new ApiError(413, ErrorCode.BadRequest, "Request body too large")
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString("utf8")
}

/**
 * KOMOJU takes form-encoded bodies with Rails-style bracket keys (`payment_data[name]`,
 * `payment_types[]`) as in its curl samples, and JSON as in its Ruby sample. A body that
 * looks like JSON is read as JSON even without the header, as Rails would not, because
 * it is the kinder failure for a client that forgot the header.
 */
export function parseParams(raw: string, contentType: string | undefined): Params {
  if (!raw.trim()) return {}
  const looksJson = contentType?.includes("json") || (!contentType && raw.trimStart().startsWith("{"))
  if (looksJson) {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      throw new ApiError(400, ErrorCode.BadRequest, "The request body is not valid JSON")
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new ApiError(400, ErrorCode.BadRequest, "The request body must be a JSON object")
    }
    return parsed as Params
  }
  return parseBracketForm(new URLSearchParams(raw))
}

/**
 * `a[b][c]=1` → {a: {b: {c: "1"}}}; `a[]=1&a[]=2` → {a: ["1", "2"]};
 * `a[][x]=1&a[][x]=2` → {a: [{x: "1"}, {x: "2"}]} (a repeated key starts a new element).
 */
export function parseBracketForm(form: URLSearchParams): Params {
  const params: Params = {}
  for (const [key, value] of form) {
    const head = key.split("[")[0]
    const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])
    if (!head) continue
    assign(params, [head, ...rest], value)
  }
  return params
}

function assign(node: Record<string, unknown>, path: string[], value: string): void {
  const [part, ...rest] = path
  if (rest.length === 0) {
    node[part] = value
    return
  }
  if (rest[0] === "") {
    const list = Array.isArray(node[part]) ? (node[part] as unknown[]) : (node[part] = [])
    if (rest.length === 1) {
      list.push(value)
      return
    }
    const leafKey = rest[1]
    const last = list[list.length - 1]
    const startNew = !isObject(last) || (rest.length === 2 && leafKey in last)
    const element = startNew ? {} : (last as Record<string, unknown>)
    if (startNew) list.push(element)
    assign(element, rest.slice(1), value)
    return
  }
  if (!isObject(node[part])) node[part] = {}
  assign(node[part] as Record<string, unknown>, rest, value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
