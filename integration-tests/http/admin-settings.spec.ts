import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { createAdminHeaders, createStoreFixture } from "../helpers/store-fixture"

process.env.MEDUSA_ADMIN_DISABLED = "true"
jest.setTimeout(120_000)

const noThrow = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
    })

    it("refuses the settings API without an admin session", async () => {
      expect((await api.get("/admin/komoju/settings", noThrow)).status).toBe(401)
      expect((await api.post("/admin/komoju/settings", { capture_mode: "manual" }, noThrow)).status).toBe(401)
    })

    it("shows the provider's defaults, the test mode and the exact webhook path", async () => {
      const { data } = await api.get("/admin/komoju/settings", admin)
      expect(data).toMatchObject({
        settings: { payment_types: null, default_locale: null, capture_mode: null, scopes: [] },
        defaults: { default_locale: "ja", capture_mode: "auto" },
        mode: "test",
        webhook: { path: "/hooks/payment/komoju_komoju", refused_count: 0, last_processed_at: null, unfinished_count: 0 },
      })
      expect(data.payment_types.map((t: { id: string }) => t.id)).toEqual(
        expect.arrayContaining(["credit_card", "konbini", "paypay"])
      )
      expect(JSON.stringify(data)).not.toContain("sk_test_sandbox")
    })

    it("saves the admin's choices and reads them back", async () => {
      await createStoreFixture(getContainer())
      await api.post(
        "/admin/komoju/settings",
        {
          payment_types: ["credit_card", "paypay"],
          default_locale: "en",
          capture_mode: "manual",
          session_expires_in_seconds: 3600,
          scopes: [{ scope_type: "currency", scope_id: "JPY", payment_types: ["credit_card", "konbini"] }],
        },
        admin
      )
      const { data } = await api.get("/admin/komoju/settings", admin)
      expect(data.settings).toEqual({
        payment_types: ["credit_card", "paypay"],
        default_locale: "en",
        capture_mode: "manual",
        session_expires_in_seconds: 3600,
        scopes: [{ scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card", "konbini"] }],
      })
    })

    it("refuses malformed input with 400 naming the field", async () => {
      const response = await api.post("/admin/komoju/settings", { capture_mode: "later" }, { ...admin, ...noThrow })
      expect(response.status).toBe(400)
      expect(response.data.message).toContain("capture_mode")
    })

    it("refuses an empty payment type list", async () => {
      const response = await api.post("/admin/komoju/settings", { payment_types: [] }, { ...admin, ...noThrow })
      expect(response.status).toBe(400)
    })

    it("refuses konbini for a dollar region and saves nothing", async () => {
      const store = await createStoreFixture(getContainer(), { currency: "usd", country: "us" })
      const response = await api.post(
        "/admin/komoju/settings",
        {
          capture_mode: "manual",
          scopes: [{ scope_type: "region", scope_id: store.regionId, payment_types: ["konbini"] }],
        },
        { ...admin, ...noThrow }
      )
      expect(response.status).toBe(400)
      expect(response.data.message).toContain("konbini cannot be paid in USD")
      const { data } = await api.get("/admin/komoju/settings", admin)
      expect(data.settings).toMatchObject({ capture_mode: null, scopes: [] })
    })

    it("refuses the same currency given twice with 400 naming it, and saves nothing", async () => {
      await createStoreFixture(getContainer())
      const response = await api.post(
        "/admin/komoju/settings",
        {
          capture_mode: "manual",
          scopes: [
            { scope_type: "currency", scope_id: "JPY", payment_types: ["konbini"] },
            { scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card"] },
          ],
        },
        { ...admin, ...noThrow }
      )
      expect(response.status).toBe(400)
      expect(response.data.message).toContain("settings given twice for currency jpy")
      const { data } = await api.get("/admin/komoju/settings", admin)
      expect(data.settings).toMatchObject({ capture_mode: null, scopes: [] })
    })

    it("keeps the regional settings when saving fails half-way: all is written, or nothing", async () => {
      await createStoreFixture(getContainer())
      const before = {
        capture_mode: "auto",
        scopes: [{ scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card", "konbini"] }],
      }
      await api.post("/admin/komoju/settings", before, admin)
      const komoju = getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE)
      // The database fails after the old regional rows are deleted, before the new ones are written.
      const failure = jest.spyOn(komoju, "createKomojuSettings").mockRejectedValueOnce(new Error("connection lost"))
      try {
        const response = await api.post(
          "/admin/komoju/settings",
          { capture_mode: "manual", scopes: [{ scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card"] }] },
          { ...admin, ...noThrow }
        )
        expect(response.status).toBe(500)
      } finally {
        failure.mockRestore()
      }
      const { data } = await api.get("/admin/komoju/settings", admin)
      expect(data.settings).toMatchObject(before)
    })
  },
})
