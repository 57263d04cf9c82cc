import { ErrorCode } from "./constants"
import type { KomojuError } from "./types"

/** An answer in KOMOJU's error shape, thrown by any layer and rendered by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param: string | null = null
  ) {
    super(message)
    this.name = "ApiError"
  }

  toBody(): KomojuError {
    return { error: { code: this.code, message: this.message, param: this.param, details: null } }
  }
}

export const missingParameter = (param: string) =>
  new ApiError(400, ErrorCode.MissingParameter, `A required parameter (${param}) is missing`, param)

export const invalidParameter = (param: string, message: string, status = 400) =>
  new ApiError(status, ErrorCode.InvalidParameter, message, param)

export const notFound = (what: string) => new ApiError(404, ErrorCode.NotFound, `${what} was not found`)

export const unprocessable = (message: string, param: string | null = null) =>
  new ApiError(422, ErrorCode.UnprocessableEntity, message, param)
