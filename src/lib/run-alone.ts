import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Runs a scheduled job on one instance at a time: with several workers (or a run that
 * outlasts its schedule), whoever finds the job's lock taken skips this round. The
 * lock is Medusa's locking module, so it holds across processes when that is Redis.
 */
export async function runAlone(container: MedusaContainer, name: string, job: () => Promise<unknown>): Promise<void> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let started = false
  try {
    await container.resolve(Modules.LOCKING).execute(
      `komoju-job:${name}`,
      async () => {
        started = true
        await job()
      },
      { timeout: 1, expire: 120 }
    )
  } catch (error) {
    if (started) throw error
    logger.info(`KOMOJU job ${name} skipped: another instance is running it`)
  }
}
