import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { KomojuProviderService } from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [KomojuProviderService],
})

export { KomojuProviderService }
export type { KomojuProviderOptions } from "./options"
export type { KomojuSessionData } from "./session-data"
