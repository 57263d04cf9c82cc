import { Module } from "@medusajs/framework/utils"
import { KomojuModuleService } from "./service"

export const KOMOJU_MODULE = "komoju"

export default Module(KOMOJU_MODULE, {
  service: KomojuModuleService,
})

export type { KomojuModuleService }
