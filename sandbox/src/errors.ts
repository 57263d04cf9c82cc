import { ErrorCode } from "./constants"
import type { KomojuError } from "./types"

/**
 * What an error is about, where KOMOJU's material leaves its exact answer open:
 * - `parameter`: a missing or malformed parameter (400 or 422: see `parameter_error_status`);
 * - `state`: capture, refund or cancel of something in the wrong state (the published
 *   `unprocessable_entity` or the detailed `not_capturable`, …: see `state_error_codes`).
 */
export type ErrorKind = "parameter" | "state" | "other"

/** An answer in KOMOJU's error shape, thrown by any layer and rendered by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly kind: ErrorKind = "other"
  ) {
    super(message)
    this.name = "ApiError"
  }

  toBody(): KomojuError {
    return { error: { code: this.code, message: this.message, param: this.param, details: null } }
  }
}

export const missingParameter = (param: string) =>
  new ApiError(400, ErrorCode.MissingParameter, `A required parameter (${param}) is missing`, param, "parameter")

/** A malformed parameter; its status follows the error policy. */
export const invalidParameter = (param: string, message: string) => new ApiError(400, ErrorCode.InvalidParameter, message, param, "parameter")

/** A well-formed parameter that cannot be followed (an amount over what remains, a reused order number): always 422. */
export const unacceptableParameter = (param: string, message: string) => new ApiError(422, ErrorCode.InvalidParameter, message, param)

export type StateErrorCode = typeof ErrorCode.NotCapturable | typeof ErrorCode.NotRefundable | typeof ErrorCode.NotCancellable

/** Capture, refund or cancel refused because of the object's state; `code` is the detailed one. */
export const wrongState = (code: StateErrorCode, message: string) => new ApiError(422, code, message, null, "state")

export const notFound = (what: string) => new ApiError(404, ErrorCode.NotFound, `${what} was not found`)

export const unprocessable = (message: string, param: string | null = null) =>
  new ApiError(422, ErrorCode.UnprocessableEntity, message, param)

export type ErrorPolicy = {
  /** KOMOJU's error page lists 422 for "missing or invalid parameters"; its codes table has bad_request 400. */
  parameterStatus: 400 | 422
  /** `unprocessable_entity`: KOMOJU's published table; `detailed`: the codes KOMOJU's plugins check for. */
  stateCodes: "unprocessable_entity" | "detailed"
}

/** The error as the account's policy answers it; applying it twice changes nothing. */
export function underPolicy(error: ApiError, policy: ErrorPolicy): ApiError {
  if (error.kind === "parameter") return new ApiError(policy.parameterStatus, error.code, error.message, error.param)
  if (error.kind === "state" && policy.stateCodes === "unprocessable_entity") {
    return new ApiError(422, ErrorCode.UnprocessableEntity, error.message, error.param)
  }
  if (error.kind === "state") return new ApiError(error.status, error.code, error.message, error.param)
  return error
}
