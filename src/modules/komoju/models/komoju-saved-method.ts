import { model } from "@medusajs/framework/utils"

/**
 * A card or PayPay account a signed-in customer saved at KOMOJU. KOMOJU keeps the
 * method: one KOMOJU customer per saved method, plus its hosted page's one-click memory
 * under `external_customer_id`. This row keeps only those ids and what a shopper needs
 * to recognise the method (brand, last four digits, expiry), never a card number.
 *
 * Two reads fill it, in either order: a payment that saved the method names the Medusa
 * customer (the session's metadata, read back from KOMOJU), and KOMOJU's customer, read
 * back on `customer.updated`, shows the saved source. A method is offered once both are in.
 */
export const KomojuSavedMethod = model
  .define("komoju_saved_method", {
    id: model.id({ prefix: "kjsm" }).primaryKey(),
    /** Medusa's payment provider, `pp_komoju_<id>`: which KOMOJU account holds it. */
    provider_id: model.text(),
    /** `test` or `live`: a test key's customers do not exist for a live key. */
    mode: model.text(),
    komoju_customer_id: model.text(),
    /** The Medusa customer it belongs to; null until a payment that saved it is read back. */
    customer_id: model.text().nullable(),
    external_customer_id: model.text().nullable(),
    payment_type: model.text().nullable(),
    brand: model.text().nullable(),
    last_four: model.text().nullable(),
    exp_month: model.number().nullable(),
    exp_year: model.number().nullable(),
    /** When a read of KOMOJU's customer showed the source saved (KOMOJU: usable after `customer.updated`). */
    confirmed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["komoju_customer_id"], unique: true },
    { on: ["customer_id"] },
  ])
