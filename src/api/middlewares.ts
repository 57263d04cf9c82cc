import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateKomojuSettings } from "./admin/komoju/validators"
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
      method: ["POST"],
      matcher: "/hooks/payment/:provider",
      middlewares: [komojuWebhookDoor],
    },
    {
      method: ["POST"],
      matcher: "/admin/komoju/settings",
      middlewares: [validateAndTransformBody(AdminUpdateKomojuSettings)],
    },
  ],
})
