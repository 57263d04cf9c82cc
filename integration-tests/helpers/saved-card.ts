import type { SandboxControl } from "./sandbox-control"
import { eventually } from "./sandbox-control"
import { signedInShopper } from "./signed-in-shopper"

type Card = { card_number: string; month: number; year: number }

/**
 * A shopper signs up, pays a cart by card on KOMOJU's page with "save this card" ticked,
 * and completes it; resolves once the card is listed for them (KOMOJU confirms it with
 * its customer.updated webhook), with the saved method.
 */
export async function shopperWithSavedCard(
  store: { url: string; publishableKey: string; regionId: string },
  komoju: SandboxControl,
  card: Card
) {
  const member = await signedInShopper(store.url, store.publishableKey)
  const cart = await member.shopper.fillCart(store.regionId, [{ handle: "sencha", quantity: 1 }])
  if (cart.customer_id !== member.customer.id) throw new Error("the signed-in shopper's cart is not theirs")
  const started = await member.startPayment(cart.id, { save_payment_method: true })
  await komoju.complete(started.komoju_session_id, { payment_type: "credit_card", ...card })
  const result = await member.shopper.completeCheckout(cart.id)
  if (result.status !== "paid") throw new Error(`expected a paid order, got ${result.status}`)
  const [method] = await eventually(async () => {
    const methods = await member.savedMethods()
    return methods.length > 0 && methods
  }, "the card among the shopper's saved payment methods")
  return { member, method }
}
