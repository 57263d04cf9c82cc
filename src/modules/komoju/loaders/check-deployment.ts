import { configManager } from "@medusajs/framework/config"
import type { LoaderOptions } from "@medusajs/framework/types"
import { deploymentProblems, isOneShotCommand } from "../deployment"

/** At boot: warns when Medusa runs split into server and worker on in-memory parts. */
export default async function checkDeployment({ logger }: LoaderOptions) {
  if (isOneShotCommand(process.argv)) return
  let config
  try {
    config = configManager.config
  } catch {
    return // a command that loads modules without the app's configuration
  }
  for (const problem of deploymentProblems(config)) logger?.warn(problem)
}
