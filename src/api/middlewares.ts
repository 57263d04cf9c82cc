import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCreateKomojuRefundRequest, AdminUpdateKomojuSettings } from "./admin/komoju/validators"
import { attachCartToKomojuSession } from "./middlewares/attach-cart-to-komoju-session"
import { komojuWebhookDoor } from "./middlewares/komoju-webhook-door"

export default defineMiddlewares({
  routes: [
    {
      method: ["POST"],
      matcher: "/store/payment-collections/:id/payment-sessions",
      middlewares: [attachCartToKomojuSession],
    },
    {
      // A customer's own saved methods: signed in, never a guest.
      matcher: "/store/komoju/payment-methods*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      method: ["POST"],
      matcher: "/hooks/payment/:provider",
      middlewares: [komojuWebhookDoor],
    },
    {
      method: ["POST"],
      matcher: "/admin/komoju/settings",
      middlewares: [validateAndTransformBody(AdminUpdateKomojuSettings)],
    },
    {
      method: ["POST"],
      matcher: "/admin/komoju/orders/:id/refund-requests",
      middlewares: [validateAndTransformBody(AdminCreateKomojuRefundRequest)],
    },
  ],
})
