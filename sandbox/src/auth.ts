import { ErrorCode } from "./constants"
import { ApiError } from "./errors"

/** The user name of an HTTP Basic header; KOMOJU puts the secret key there, password empty. */
export function basicAuthUser(authorization: string | undefined): string | null {
  const match = authorization?.match(/^Basic\s+(\S+)\s*$/i)
  if (!match) return null
  const decoded = Buffer.from(match[1], "base64").toString("utf8")
  const user = decoded.split(":")[0]
  return user || null
}

export type KeyPolicy = {
  secretKey: string
  /**
   * Accept any `sk_test_…` key besides `secretKey`, so a merchant's own test key works
   * against the sandbox unchanged. Turn off to test how a wrong key is handled.
   */
  acceptAnyTestKey: boolean
}

export function isAcceptedKey(key: string, policy: KeyPolicy): boolean {
  return key === policy.secretKey || (policy.acceptAnyTestKey && key.startsWith("sk_test_"))
}

/** Returns the account key the request authenticated with, or throws KOMOJU's 401. */
export function authenticate(authorization: string | undefined, policy: KeyPolicy): string {
  const key = basicAuthUser(authorization)
  if (!key || !isAcceptedKey(key, policy)) {
    throw new ApiError(401, ErrorCode.Unauthorized, "Invalid API key; send your secret key as the HTTP Basic user name with an empty password")
  }
  return key
}
