import { MedusaError } from "@medusajs/framework/utils"
import type { KomojuErrorBody } from "./types"

/**
 * A KOMOJU API failure as a MedusaError, so Medusa's error handler and workflows treat it
 * like any other: `code` is KOMOJU's error code (`not_refundable`, `invalid_parameter`,
 * …), `param` the offending parameter when KOMOJU names one.
 */
export class KomojuError extends MedusaError {
  readonly komojuCode: string
  /** KOMOJU's own message, without our prefix. */
  readonly komojuMessage: string
  readonly param: string | null
  /** HTTP status KOMOJU answered with; 0 when no answer came (timeout, network). */
  readonly httpStatus: number

  constructor(input: {
    httpStatus: number
    code: string
    message: string
    param?: string | null
  }) {
    const param = input.param ?? null
    super(
      medusaTypeFor(input.httpStatus),
      `KOMOJU ${input.code}: ${input.message}${param ? ` (param: ${param})` : ""}`,
      input.code
    )
    this.name = "KomojuError"
    this.komojuCode = input.code
    this.komojuMessage = input.message
    this.param = param
    this.httpStatus = input.httpStatus
  }

  /** Reads KOMOJU's `{error: {code, message, param}}` body, tolerating anything else. */
  static fromResponse(httpStatus: number, body: unknown): KomojuError {
    const error = isKomojuErrorBody(body) ? body.error : undefined
    return new KomojuError({
      httpStatus,
      code: error?.code ?? `http_${httpStatus}`,
      message: error?.message ?? `KOMOJU answered HTTP ${httpStatus}`,
      param: error?.param ?? null,
    })
  }
}

function isKomojuErrorBody(body: unknown): body is KomojuErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) {
    return false
  }
  const error = (body as { error: unknown }).error
  return typeof error === "object" && error !== null && "code" in error
}

function medusaTypeFor(httpStatus: number): string {
  switch (httpStatus) {
    case 400:
    case 422:
      return MedusaError.Types.INVALID_DATA
    case 402:
      return MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR
    case 404:
      return MedusaError.Types.NOT_FOUND
    case 409:
      return MedusaError.Types.CONFLICT
    default:
      // 401/403 mean the merchant's key is wrong: a server fault, not the shopper's.
      return MedusaError.Types.UNEXPECTED_STATE
  }
}

export function isKomojuError(error: unknown): error is KomojuError {
  return error instanceof KomojuError
}
