import { model } from "@medusajs/framework/utils"

export const NoticeKind = {
  /** KOMOJU captured a card or wallet payment of a cancelled order; the plugin refunded it. */
  CapturedAfterCancelRefunded: "captured_after_cancel_refunded",
  /** KOMOJU captured a cash payment of a cancelled order; it needs a refund request. */
  CapturedAfterCancelNeedsRefundRequest: "captured_after_cancel_needs_refund_request",
} as const
export type NoticeKind = (typeof NoticeKind)[keyof typeof NoticeKind]

/** Something about an order's KOMOJU payment an admin must know; shown on the order. */
export const KomojuOrderNotice = model
  .define("komoju_order_notice", {
    id: model.id({ prefix: "kjno" }).primaryKey(),
    order_id: model.text(),
    komoju_payment_id: model.text(),
    kind: model.enum(Object.values(NoticeKind)),
    /** Minor units, in `currency`. */
    amount: model.number(),
    currency: model.text(),
    message: model.text(),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["order_id", "komoju_payment_id", "kind"], unique: true },
  ])
