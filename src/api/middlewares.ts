import { defineMiddlewares } from "@medusajs/framework/http"
import { attachCartToKomojuSession } from "./middlewares/attach-cart-to-komoju-session"

export default defineMiddlewares({
  routes: [
    {
      method: ["POST"],
      matcher: "/store/payment-collections/:id/payment-sessions",
      middlewares: [attachCartToKomojuSession],
    },
  ],
})
