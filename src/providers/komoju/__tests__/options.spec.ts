import { resolveOptions, validateOptions } from "../options"

const valid = { secretKey: "sk_test_1", webhookSecret: "whsec_1" }

describe("validateOptions", () => {
  it("accepts the two required keys alone", () => {
    expect(() => validateOptions(valid)).not.toThrow()
  })

  it.each([
    [{ webhookSecret: "w" }, "`secretKey` is required"],
    [{ secretKey: "sk_test_1" }, "`webhookSecret` is required"],
    [{ ...valid, secretKey: "pk_test_1" }, "`secretKey` is a publishable key"],
    [{ ...valid, apiUrl: "komoju.com" }, "`apiUrl` must be an http(s) URL"],
    [{ ...valid, returnUrl: "ftp://x" }, "`returnUrl` must be an http(s) URL"],
    [{ ...valid, paymentTypes: [] }, "`paymentTypes` must be a non-empty list"],
    [{ ...valid, paymentTypes: ["Credit Card"] }, "`paymentTypes` must be a non-empty list"],
    [{ ...valid, paymentTypes: ["credit_card", "apple_pay", "bitcoin"] }, "`paymentTypes` has types KOMOJU does not know: apple_pay, bitcoin"],
    [{ ...valid, defaultLocale: "fr" }, "`defaultLocale` must be one of ja, en, ko"],
    [{ ...valid, captureMode: "later" }, "`captureMode` must be one of auto, manual"],
    [{ ...valid, sessionExpiresInSeconds: 86401 }, "`sessionExpiresInSeconds` must be an integer from 1 to 86400"],
    [{ ...valid, requestTimeoutMs: 0 }, "`requestTimeoutMs` must be an integer from 1 to 120000"],
    [{ ...valid, maxRetries: 1.5 }, "`maxRetries` must be an integer from 0 to 10"],
    [{ ...valid, apiVersion: "" }, "`apiVersion` must be a non-empty string"],
  ])("names the option that is wrong in %j", (options, message) => {
    expect(() => validateOptions(options)).toThrow(message)
  })

  it("lists every wrong option at once", () => {
    expect(() => validateOptions({ captureMode: "x" })).toThrow(
      /secretKey.*webhookSecret.*captureMode/
    )
  })
})

describe("resolveOptions", () => {
  it("fills KOMOJU's defaults", () => {
    expect(resolveOptions(valid)).toEqual({
      ...valid,
      apiUrl: "https://komoju.com/api/v1",
      defaultLocale: "ja",
      captureMode: "auto",
      requestTimeoutMs: 15000,
      maxRetries: 2,
    })
  })

  it("keeps what the merchant set and trims a trailing slash from apiUrl", () => {
    const resolved = resolveOptions({
      ...valid,
      apiUrl: "http://127.0.0.1:4010/api/v1/",
      captureMode: "manual",
      paymentTypes: ["konbini"],
    })
    expect(resolved).toMatchObject({
      apiUrl: "http://127.0.0.1:4010/api/v1",
      captureMode: "manual",
      paymentTypes: ["konbini"],
    })
  })
})
