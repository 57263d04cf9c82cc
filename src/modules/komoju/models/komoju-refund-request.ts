import { model } from "@medusajs/framework/utils"

/**
 * A refund request an admin sent KOMOJU for a cash payment. The bank account itself
 * (holder's name, branch, account number) goes to KOMOJU only: this keeps what the
 * order page shows, the bank's name and the account's last digits. The request's status
 * is KOMOJU's, read from its payment when shown.
 */
export const KomojuRefundRequest = model
  .define("komoju_refund_request", {
    id: model.id({ prefix: "kjrr" }).primaryKey(),
    order_id: model.text(),
    /** Medusa's payment provider, `pp_komoju_<id>`. */
    provider_id: model.text(),
    komoju_payment_id: model.text(),
    komoju_refund_request_id: model.text(),
    /** Minor units, in `currency`: KOMOJU's refund request does not carry it. */
    amount: model.number(),
    currency: model.text(),
    bank_name: model.text(),
    account_last_digits: model.text(),
    include_payment_method_fee: model.boolean().default(false),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["komoju_refund_request_id"], unique: true },
  ])
