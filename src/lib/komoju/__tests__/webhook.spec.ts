import { readFileSync } from "node:fs"
import { join } from "node:path"
import { isValidSignature, parseEvent, signBody, toRawBody, headerValue } from "../webhook"

const SECRET = "whsec_test"
const body = readFileSync(join(__dirname, "fixtures/event-payment-expired-konbini.json"))

describe("isValidSignature", () => {
  it("accepts the hex HMAC-SHA256 of the exact body", () => {
    expect(isValidSignature(body, signBody(body, SECRET), SECRET)).toBe(true)
  })

  it("refuses a missing signature", () => {
    expect(isValidSignature(body, undefined, SECRET)).toBe(false)
  })

  it("refuses a signature made with another secret", () => {
    expect(isValidSignature(body, signBody(body, "other"), SECRET)).toBe(false)
  })

  it("refuses a body changed after signing", () => {
    const signature = signBody(body, SECRET)
    const tampered = Buffer.from(body.toString().replace('"amount": 1200', '"amount": 1'))
    expect(isValidSignature(tampered, signature, SECRET)).toBe(false)
  })

  it("refuses the same JSON serialised differently, since KOMOJU signs bytes", () => {
    const signature = signBody(body, SECRET)
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())))
    expect(isValidSignature(reserialised, signature, SECRET)).toBe(false)
  })

  it("refuses signatures that are not lower-case hex of the right length", () => {
    const signature = signBody(body, SECRET)
    expect(isValidSignature(body, signature.toUpperCase(), SECRET)).toBe(false)
    expect(isValidSignature(body, signature.slice(0, 40), SECRET)).toBe(false)
    expect(isValidSignature(body, `sha256=${signature}`, SECRET)).toBe(false)
  })
})

describe("toRawBody", () => {
  it("takes a Buffer as it is", () => {
    expect(toRawBody(body)).toBe(body)
  })

  it("rebuilds a Buffer that crossed a queue as JSON", () => {
    expect(toRawBody(JSON.parse(JSON.stringify(body)))?.equals(body)).toBe(true)
  })

  it("gives nothing for a missing body", () => {
    expect(toRawBody(undefined)).toBeUndefined()
  })
})

describe("parseEvent", () => {
  it("reads KOMOJU's event envelope", () => {
    expect(parseEvent(body)).toMatchObject({ type: "payment.expired", data: { id: "pay_expired_test_123" } })
  })

  it("gives nothing for a body that is not an event", () => {
    expect(parseEvent(Buffer.from("not json"))).toBeUndefined()
    expect(parseEvent(Buffer.from('{"hello":1}'))).toBeUndefined()
  })
})

describe("headerValue", () => {
  it("finds a header whatever its case", () => {
    expect(headerValue({ "X-Komoju-Signature": "abc" }, "x-komoju-signature")).toBe("abc")
  })
})
