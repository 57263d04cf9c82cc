import { sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const complete = (sessionId: string, body: Record<string, unknown> = {}) => sandbox.call("POST", `/_sandbox/sessions/${sessionId}/complete`, body)

/** The reason each attempt's payment.failed carries (payment.updated repeats it). */
const failedReasons = () => sandbox.events({ type: "payment.failed" }).map((e) => e.reason)

describe("KOMOJU's declining test cards", () => {
  it.each([
    ["4123111111111000", "insufficient_funds"],
    ["4123111111111018", "exceeds_limit"],
    ["4123111111111034", "bad_verification_value"],
    ["4123111111111042", "card_expired"],
    ["4123111111111059", "card_declined"],
    ["4123111111111067", "invalid_number"],
    ["4123111111111075", "invalid_number"],
    ["4100000000500000", "three_d_secure_failed"],
    ["5100000000500007", "three_d_secure_failed"],
    ["3528000000500006", "three_d_secure_failed"],
    ["4100000000300005", "three_d_secure_failed"],
    ["5100000000300002", "three_d_secure_failed"],
    ["3528000000300001", "three_d_secure_failed"],
  ])("declines %s for %s", async (card, reason) => {
    const session = await sandbox.createSession()
    const { body } = await complete(session.id, { card_number: card })
    expect(body).toMatchObject({ session: { status: "pending" }, payment: { status: "pending" } })
    expect(failedReasons()).toEqual([reason])
  })
})

describe("KOMOJU's succeeding test cards", () => {
  it.each([
    ["4111111111111111", "visa"],
    ["5555555555554444", "master"],
    ["3530111333300000", "jcb"],
    ["378282246310005", "american_express"],
    ["30569309025904", "diners_club"],
    ["4100000000000100", "visa"],
    ["5100000000000107", "master"],
    ["3528000000000106", "jcb"],
    ["4100000000005000", "visa"],
    ["5100000000005007", "master"],
    ["3528000000005006", "jcb"],
  ])("captures %s (%s)", async (card, brand) => {
    const session = await sandbox.createSession()
    expect((await complete(session.id, { card_number: card })).body.payment).toMatchObject({ status: "captured", payment_details: { brand } })
  })
})

describe("Komoju-Scenario on session creation", () => {
  it("makes every later attempt on the session fail, whatever the card", async () => {
    const session = await sandbox.createSession({}, { "komoju-scenario": "insufficient_funds" })
    const attempts = []
    for (let i = 0; i < 3; i++) attempts.push((await complete(session.id, { card_number: "4111111111111111" })).body.payment)
    expect(attempts.map((p) => p.status)).toEqual(["pending", "pending", "pending"])
    expect(new Set(attempts.map((p) => p.id)).size).toBe(3)
    expect(failedReasons()).toEqual(["insufficient_funds", "insufficient_funds", "insufficient_funds"])
    expect((await sandbox.call("GET", `/sessions/${session.id}`)).body).toMatchObject({ status: "pending", payment: { id: attempts[2].id } })
  })

  it("fails other methods too", async () => {
    const session = await sandbox.createSession({}, { "komoju-scenario": "card_declined" })
    await complete(session.id, { payment_type: "paypay" })
    await complete(session.id, { payment_type: "konbini" })
    expect(failedReasons()).toEqual(["card_declined", "card_declined"])
  })

  it("leaves other sessions alone", async () => {
    await sandbox.createSession({}, { "komoju-scenario": "insufficient_funds" })
    const other = await sandbox.createSession()
    expect((await complete(other.id)).body.payment.status).toBe("captured")
  })

  it("is ignored when it names no known decline", async () => {
    const session = await sandbox.createSession({}, { "komoju-scenario": "sunny_day" })
    expect((await complete(session.id)).body.payment.status).toBe("captured")
  })
})
