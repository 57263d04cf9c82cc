import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readOrderSummary } from "../order-records"

/** GET /admin/komoju/orders/:id — the KOMOJU payment behind an order, for the order widget. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ komoju: await readOrderSummary(req.scope, req.params.id) })
}
