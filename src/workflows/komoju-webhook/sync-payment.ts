import { AsyncLocalStorage } from "node:async_hooks"
import type { BigNumberInput, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, processPaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { KomojuClient, KomojuSession } from "../../lib/komoju"
import { KOMOJU_MODULE } from "../../modules/komoju"
import { NoticeKind } from "../../modules/komoju/models/komoju-order-notice"
import type { KomojuModuleService } from "../../modules/komoju/service"
import { cancelOrReadKomojuPayment } from "../../providers/komoju/cancellation"
import { fromMinorUnits, toMinorUnits } from "../../providers/komoju/money"
import { withKomojuReadBack } from "../../providers/komoju/read-back"
import { recordingKomojuRefund } from "../../providers/komoju/refund-recording"
import { readCheckoutState, type CheckoutState } from "./checkout-state"
import { refundCanceledOrderPaymentWorkflow } from "./refund-canceled-order"
import { decideNextStep, nobodyHasPaidYet, type KomojuAttempt, type SyncStep } from "./decisions"

/** A sync that has not settled after this many steps is stuck, not slow. */
const MAX_STEPS = 6
const LOCK_TIMEOUT_SECONDS = 30

type Sync = {
  container: MedusaContainer
  client: KomojuClient
  logger: Logger
  medusaSessionId: string
  about: string
}

/** The payment sessions this async flow is syncing (an order cancellation a sync started calls back in). */
const syncing = new AsyncLocalStorage<ReadonlySet<string>>()

/** Whether this flow is already syncing the payment session (its caller's loop carries on). */
export function isSyncing(medusaSessionId: string): boolean {
  return syncing.getStore()?.has(medusaSessionId) ?? false
}

/**
 * Reads KOMOJU for a sync, once the sync's lock is held. `medusa` reads where the
 * checkout stands in Medusa, for a reader that chooses what to read by it (a webhook
 * reads the whole session when the order is still to be placed).
 */
export type KomojuReader = (medusa: () => Promise<CheckoutState | undefined>) => Promise<KomojuAttempt>

/** The attempt a KOMOJU session just read holds: the session, its payment, and when it was read. */
export function attemptOf(session: KomojuSession): KomojuAttempt {
  return { session, payment: session.payment, readAt: Date.now() }
}

/** Reads the KOMOJU session whole (reconciliation, a cancelled order's payment). */
export function readingSession(client: KomojuClient, komojuSessionId: string): KomojuReader {
  return async () => attemptOf(await client.retrieveSession(komojuSessionId))
}

/**
 * Brings one Medusa payment session in line with what KOMOJU holds for it, step by
 * step: each step is decided from both states read afresh (`decideNextStep`), done
 * through Medusa's own workflows, and the loop ends when they agree. Syncs of one
 * payment session run one at a time (two deliveries of one change arrive together);
 * the steps that place, cancel or refund also take the cart's lock, the key Medusa's
 * cart completion and payment processing take. Returns the steps taken.
 */
export async function syncKomojuPayment(
  container: MedusaContainer,
  client: KomojuClient,
  medusaSessionId: string,
  readKomoju: KomojuReader,
  about: string
): Promise<string[]> {
  // Re-entered from the order cancellation this sync started: the outer loop carries on.
  if (isSyncing(medusaSessionId)) return []
  const inProgress = new Set([...(syncing.getStore() ?? []), medusaSessionId])
  // KOMOJU is read once the lock is held: a read made while another sync worked is stale.
  return container.resolve(Modules.LOCKING).execute(
    `komoju-sync:${medusaSessionId}`,
    () =>
      syncing.run(inProgress, async () => {
        const attempt = await readKomoju(() => readCheckoutState(container, medusaSessionId))
        return runSync(container, client, medusaSessionId, attempt, about)
      }),
    { timeout: LOCK_TIMEOUT_SECONDS }
  )
}

async function runSync(
  container: MedusaContainer,
  client: KomojuClient,
  medusaSessionId: string,
  attempt: KomojuAttempt,
  about: string
): Promise<string[]> {
  const sync: Sync = { container, client, logger: container.resolve(ContainerRegistrationKeys.LOGGER), medusaSessionId, about }
  if (nobodyHasPaidYet(attempt)) {
    sync.logger.info(`${about}: nothing to do, nobody has paid yet`)
    return []
  }
  let komoju = attempt
  const done: string[] = []
  for (let i = 0; i < MAX_STEPS; i++) {
    const state = await readCheckoutState(container, medusaSessionId)
    const step = await decide(sync, komoju, state)
    if (step.action === "none") {
      const line = `${about}: ${done.length ? `${done.join(", ")}; ` : "nothing to do, "}${step.reason}`
      step.alarm ? sync.logger.error(line) : sync.logger.info(line)
      return done
    }
    komoju = await perform(sync, step, state!, komoju)
    done.push(step.action)
  }
  throw new Error(`${about}: Medusa and KOMOJU still disagree after ${done.join(", ")}`)
}

async function decide(sync: Sync, komoju: KomojuAttempt, state: CheckoutState | undefined): Promise<SyncStep> {
  const order = state?.order
  const noticeKinds =
    order?.status === "canceled" && komoju.payment
      ? (await komojuModule(sync).listKomojuOrderNotices({ order_id: order.id, komoju_payment_id: komoju.payment.id })).map((n) => n.kind)
      : []
  return decideNextStep(komoju, state, { noticeKinds })
}

async function perform(sync: Sync, step: SyncStep, state: CheckoutState, komoju: KomojuAttempt): Promise<KomojuAttempt> {
  const { container } = sync
  switch (step.action) {
    case "authorize":
    case "capture": {
      // Core's processing takes the cart's lock itself, and places the order if none.
      const processPayment = () =>
        processPaymentWorkflow(container).run({
          input: {
            action: step.action === "capture" ? PaymentActions.SUCCESSFUL : PaymentActions.AUTHORIZED,
            data: { session_id: state.paymentSessionId, amount: state.amount },
          },
        })
      // Placing the order authorizes the payment session: the provider checks the
      // session just read rather than reading it again.
      const read = sessionJustRead(komoju)
      await (read ? withKomojuReadBack(read.session, read.readAt, processPayment) : processPayment())
      return komoju
    }
    case "cancel_order":
      await withCartLock(sync, state, () => cancelOrder(sync, state.order!.id))
      return komoju
    case "mark_session_canceled":
      await container.resolve(Modules.PAYMENT).updatePaymentSession({
        id: state.paymentSessionId,
        amount: state.amount,
        currency_code: state.currencyCode,
        data: state.data,
        status: PaymentSessionStatus.CANCELED,
      })
      return komoju
    case "cancel_komoju_payment":
      // Paid meanwhile? Then the next step sees the captured payment and deals with that.
      return { ...komoju, payment: await cancelOrReadKomojuPayment(sync.client, sync.logger, komoju.payment!, sync.about) }
    case "record_refund":
    case "refund_after_cancel":
    case "flag_refund_request":
      await underCartLock(sync, state, komoju, step)
      return komoju
    default:
      return komoju
  }
}

/**
 * Steps that write refunds or notices: taken under the cart's lock, and only if the same
 * step is still due once the lock is held (a concurrent delivery may have done it).
 */
async function underCartLock(sync: Sync, state: CheckoutState, komoju: KomojuAttempt, step: SyncStep): Promise<void> {
  await withCartLock(sync, state, async () => {
    const now = await readCheckoutState(sync.container, sync.medusaSessionId)
    if (!now) return
    const again = await decide(sync, komoju, now)
    if (sameStep(again, step)) await performLocked(sync, again, now, komoju)
  })
}

function withCartLock<T>(sync: Sync, state: CheckoutState, work: () => Promise<T>): Promise<T> {
  return sync.container.resolve(Modules.LOCKING).execute(state.cartId ?? state.paymentSessionId, work, { timeout: LOCK_TIMEOUT_SECONDS })
}

async function performLocked(sync: Sync, step: SyncStep, state: CheckoutState, komoju: KomojuAttempt): Promise<void> {
  const payment = komoju.payment!
  const currency = state.currencyCode
  switch (step.action) {
    case "record_refund":
      await recordingKomojuRefund({ payment, refund: step.refund, medusaAmount: step.medusaAmount }, () =>
        refund(sync, state, fromMinorUnits(step.medusaAmount, currency), `Refunded in KOMOJU (${step.refund.id})`)
      )
      sync.logger.info(`${sync.about}: KOMOJU refund ${step.refund.id} recorded in Medusa as ${step.medusaAmount} ${currency.toUpperCase()}`)
      return
    case "refund_after_cancel":
      await refund(sync, state, step.amount, "KOMOJU captured this payment after the order was cancelled; refunded automatically")
      await notify(sync, state, payment.id, NoticeKind.CapturedAfterCancelRefunded, step.amount,
        "KOMOJU captured this payment after the order was cancelled (the customer paid as it was being cancelled). The plugin refunded it automatically.")
      return
    case "flag_refund_request":
      await notify(sync, state, payment.id, NoticeKind.CapturedAfterCancelNeedsRefundRequest, step.amount,
        `The customer paid this ${payment.payment_details?.type ?? "cash"} payment after the order was cancelled. ` +
          "KOMOJU cannot refund cash payments through its API: send KOMOJU a refund request to the customer's bank account with \"Refund to bank account\" on this order; the refund then appears here by itself.")
      return
  }
}

/** Medusa's refund workflow; on a cancelled order, the same core steps without the credit line it refuses there. */
async function refund(sync: Sync, state: CheckoutState, amount: BigNumberInput, note: string): Promise<void> {
  const paymentId = state.payment!.id
  if (state.order?.status === "canceled") {
    await refundCanceledOrderPaymentWorkflow(sync.container).run({
      input: { payment_id: paymentId, order_id: state.order.id, currency_code: state.currencyCode, amount },
    })
    return
  }
  await refundPaymentWorkflow(sync.container).run({ input: { payment_id: paymentId, amount, note } })
}

async function notify(sync: Sync, state: CheckoutState, komojuPaymentId: string, kind: NoticeKind, amount: number, message: string) {
  await komojuModule(sync).createKomojuOrderNotices({
    order_id: state.order!.id,
    komoju_payment_id: komojuPaymentId,
    kind,
    amount: toMinorUnits(amount, state.currencyCode),
    currency: state.currencyCode.toUpperCase(),
    message,
  })
  sync.logger.warn(`${sync.about}: order ${state.order!.id}: ${kind}`)
}

/** Cancels the order (which releases its stock); an order someone cancelled meanwhile is done. */
async function cancelOrder(sync: Sync, orderId: string): Promise<void> {
  try {
    await cancelOrderWorkflow(sync.container).run({ input: { order_id: orderId } })
    sync.logger.info(`${sync.about}: order ${orderId} canceled and its stock released`)
  } catch (error) {
    const query = sync.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: orderId } })
    if (data[0]?.status !== "canceled") throw error
  }
}

/**
 * The KOMOJU session of this attempt as read at the start of the sync, if it was read
 * whole and nothing has changed the attempt since (a step that writes to KOMOJU
 * replaces the payment it holds).
 */
function sessionJustRead(komoju: KomojuAttempt): { session: KomojuSession; readAt: number } | undefined {
  const session = komoju.session
  if (!session || !("payment_methods" in session) || komoju.readAt === undefined) return undefined
  return session.payment === komoju.payment ? { session, readAt: komoju.readAt } : undefined
}

function sameStep(a: SyncStep, b: SyncStep): boolean {
  if (a.action !== b.action) return false
  return a.action !== "record_refund" || b.action !== "record_refund" || a.refund.id === b.refund.id
}

function komojuModule(sync: Sync): KomojuModuleService {
  return sync.container.resolve(KOMOJU_MODULE)
}
