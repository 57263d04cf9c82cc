/** KOMOJU's error shape: {"error": {"code", "message", "param"}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param: string | null = null
  ) {
    super(message)
  }

  toBody() {
    return { error: { code: this.code, message: this.message, param: this.param, details: null } }
  }
}

export const missing = (param: string) =>
  new ApiError(400, "missing_parameter", `A required parameter (${param}) is missing`, param)

export const invalid = (param: string, message: string, status = 400) =>
  new ApiError(status, "invalid_parameter", message, param)

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found`)
