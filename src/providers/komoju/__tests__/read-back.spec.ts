import nock from "nock"
import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { komojuPayment, komojuSession } from "./komoju-objects"
import { API, makeProvider, storedData, useNock } from "./harness"
import { komojuReadBackFor, READ_BACK_MAX_AGE_MS, withKomojuReadBack } from "../read-back"

useNock()

const paid = komojuSession({ status: "completed", payment: komojuPayment() })

describe("a KOMOJU session read by the webhook pipeline, handed to authorizePayment", () => {
  it("is used instead of a second read (no KOMOJU call is set up here)", async () => {
    const { provider } = makeProvider()
    const result = await withKomojuReadBack(paid, Date.now(), () => provider.authorizePayment({ data: { ...storedData } }))
    expect(result.status).toBe(PaymentSessionStatus.CAPTURED)
    expect(result.data).toMatchObject({ komoju_payment_id: "pay_1", komoju_payment_status: "captured" })
  })

  it("goes through the same amount check", async () => {
    const { provider, logger } = makeProvider()
    const other = komojuSession({ status: "completed", amount: 1000, payment: komojuPayment({ amount: 1000, total: 1000 }) })
    const result = await withKomojuReadBack(other, Date.now(), () => provider.authorizePayment({ data: { ...storedData } }))
    expect(result.status).toBe(PaymentSessionStatus.ERROR)
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("asked 1200 JPY, session holds 1000 JPY"))
  })

  it("is not used for another KOMOJU session, nor once it is old: KOMOJU is read", async () => {
    const { provider } = makeProvider()
    const elsewhere = komojuSession({ id: "sess_2", status: "completed", payment: komojuPayment({ session: "sess_2" }) })
    nock(API).get("/sessions/sess_1").twice().reply(200, komojuSession())
    const other = await withKomojuReadBack(elsewhere, Date.now(), () => provider.authorizePayment({ data: { ...storedData } }))
    expect(other.status).toBe(PaymentSessionStatus.PENDING)
    const stale = await withKomojuReadBack(paid, Date.now() - READ_BACK_MAX_AGE_MS - 1, () => provider.authorizePayment({ data: { ...storedData } }))
    expect(stale.status).toBe(PaymentSessionStatus.PENDING)
  })

  it("stays with the call it was handed to", async () => {
    const inside = withKomojuReadBack(paid, Date.now(), async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return komojuReadBackFor("sess_1")
    })
    expect(komojuReadBackFor("sess_1")).toBeUndefined()
    expect(await inside).toBe(paid)
  })
})
