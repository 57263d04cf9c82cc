import { Module } from "@medusajs/framework/utils"
import checkDeployment from "./loaders/check-deployment"
import { KomojuModuleService } from "./service"

export const KOMOJU_MODULE = "komoju"

export default Module(KOMOJU_MODULE, {
  service: KomojuModuleService,
  loaders: [checkDeployment],
})

export type { KomojuModuleService }
