import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { KomojuCaptureMode, type CreateSessionRequest, type KomojuClient, type KomojuSession } from "../../lib/komoju"
import { customerOfAccountHolder } from "./account-holders"
import { cancelKomojuAttempt } from "./cancellation"
import { captureKomojuPayment, type CaptureRecords, type MedusaCapture } from "./capture"
import { checkoutDetailsHandoff } from "./checkout-details"
import { createKomojuClient } from "./client"
import { komojuCurrency, toMinorUnits } from "./money"
import { komojuMode, resolveOptions, type KomojuProviderOptions, type ResolvedKomojuOptions } from "./options"
import { komojuReadBackFor } from "./read-back"
import { komojuRefundBeingRecorded } from "./refund-recording"
import { makeRefund, recordRefund } from "./refunds"
import { buildSessionRequest } from "./session-request"
import { hasKomojuSession, readSessionData, withPayment, withSession, type KomojuSessionData } from "./session-data"
import { sessionMismatch, sessionStatusToMedusa } from "./status"

export type AccountHolderLike = Parameters<typeof customerOfAccountHolder>[0]

export type InjectedDependencies = {
  logger: Logger
  /** The payment module's capture records: Medusa tells a provider the capture's id, not its amount. */
  captureService?: CaptureRecords
}

/**
 * Medusa's payment lifecycle on KOMOJU's hosted page. Orchestration only: requests are
 * built in `session-request.ts`, statuses mapped in `status.ts`, money converted in
 * `money.ts`; capture, refunds and cancellation each have their own module, and HTTP
 * is the KOMOJU client's. The provider Medusa registers (`service.ts`) adds the
 * account-holder methods.
 */
export abstract class KomojuPaymentLifecycle extends AbstractPaymentProvider<KomojuProviderOptions> {
  protected readonly options_: ResolvedKomojuOptions
  protected readonly logger_: Logger
  protected readonly client_: KomojuClient
  private readonly cradle_: InjectedDependencies

  constructor(cradle: InjectedDependencies, options: KomojuProviderOptions) {
    super(cradle, options)
    this.cradle_ = cradle
    this.options_ = resolveOptions(options)
    this.logger_ = cradle.logger
    this.client_ = createKomojuClient(this.options_, this.logger_)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const currency = komojuCurrency(input.currency_code)
    const data = input.data ?? {}
    const created = await this.createKomojuSession({
      amount: toMinorUnits(input.amount, currency),
      currency,
      data,
      context: input.context,
      revision: 0,
      idempotencyKey: input.context?.idempotency_key,
    })
    return {
      id: created.session.id,
      data: this.initialSessionData(created, data, 0),
      status: PaymentSessionStatus.PENDING,
    }
  }

  /**
   * KOMOJU sessions are immutable: a new amount or currency replaces the session (the old
   * one is cancelled so it can no longer be paid). Anything else keeps the session.
   */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = readSessionData(input.data)
    const currency = komojuCurrency(input.currency_code)
    const amount = toMinorUnits(input.amount, currency)
    if (amount === current.amount && currency === current.currency) {
      return { data: current, status: PaymentSessionStatus.PENDING }
    }
    await this.cancelAttempt(current)
    const revision = (current.revision ?? 0) + 1
    const created = await this.createKomojuSession({
      amount,
      currency,
      data: { ...input.data, return_url: current.return_url },
      context: input.context,
      revision,
      idempotencyKey: current.session_id ? `${current.session_id}-r${revision}` : undefined,
    })
    this.logger_.info(
      `KOMOJU session ${current.komoju_session_id} replaced by ${created.session.id} for a new amount (payment session ${current.session_id})`
    )
    return {
      data: this.initialSessionData(created, input.data ?? {}, revision),
      status: PaymentSessionStatus.PENDING,
    }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.readStatus(input.data)
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return this.readStatus(input.data)
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const data = readSessionData(input.data)
    if (data.komoju_payment_id) {
      return { data: withPayment(data, await this.client_.retrievePayment(data.komoju_payment_id)) }
    }
    return { data: withSession(data, await this.client_.retrieveSession(data.komoju_session_id)) }
  }

  /** Captures a held card authorization for the amount of Medusa's capture. */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = readSessionData(input.data)
    const paymentId = await this.paymentIdOf(data)
    const captureId = input.context?.idempotency_key
    const amount = captureId ? await this.captureAmount(captureId, data) : data.amount
    return { data: await captureKomojuPayment(this.client_, this.logger_, data, paymentId, amount, captureId) }
  }

  /**
   * Two paths that never meet: recording a refund KOMOJU already made (the plugin's
   * webhook pipeline runs Medusa's refund workflow as such a recording), which asks
   * KOMOJU for nothing; and making a refund, the only path that calls KOMOJU's refund
   * endpoint, keyed by Medusa's refund id.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = readSessionData(input.data)
    const amount = toMinorUnits(input.amount, data.currency, "refund amount")
    const toRecord = komojuRefundBeingRecorded()
    if (toRecord) {
      return { data: recordRefund(this.logger_, data, toRecord, amount) }
    }
    const paymentId = await this.paymentIdOf(data)
    return {
      data: await makeRefund(this.client_, this.logger_, data, paymentId, amount, input.context?.idempotency_key),
    }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    if (!hasKomojuSession(input.data)) {
      return { data: input.data }
    }
    return { data: await this.cancelAttempt(readSessionData(input.data)) }
  }

  /** Medusa deletes a session when the cart starts a new one: that attempt must end too. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return this.cancelPayment(input)
  }

  /**
   * KOMOJU deliveries never reach Medusa's generic webhook flow: the plugin's webhook
   * door (`src/api/middlewares/komoju-webhook-door.ts`) verifies them and its pipeline
   * acts on each only after reading the payment back from KOMOJU. Should one reach this
   * method anyway, acting on the body alone would be unsafe, so Medusa is told to leave it.
   */
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  private async createKomojuSession(args: {
    amount: number
    currency: string
    data: Record<string, unknown>
    context: InitiatePaymentInput["context"]
    revision: number
    idempotencyKey?: string
  }): Promise<{ session: KomojuSession; request: CreateSessionRequest }> {
    const medusaPaymentSessionId =
      typeof args.data.session_id === "string" ? args.data.session_id : undefined
    const details = checkoutDetailsHandoff.take(args.data.komoju_checkout_details)
    const forCustomer = details?.customerPayment?.customerId
    if (forCustomer && customerOfAccountHolder(args.context?.account_holder as AccountHolderLike) !== forCustomer) {
      // The middleware read the signed-in customer; Medusa's account holder must be the same one.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "A saved KOMOJU method can be saved or used only by its own signed-in customer")
    }
    const request = buildSessionRequest({
      amount: args.amount,
      currency: args.currency,
      data: args.data,
      context: args.context,
      medusaPaymentSessionId,
      revision: args.revision,
      options: this.options_,
      details,
    })
    const session = await this.client_.createSession(request, {
      idempotencyKey: args.idempotencyKey,
    })
    this.logger_.info(
      `KOMOJU session ${session.id} created for ${request.payment_data.external_order_num} (payment session ${medusaPaymentSessionId})`
    )
    return { session, request }
  }

  /**
   * The payment session's data: only the plugin's own keys. Medusa stores what the
   * storefront sent merged with what the provider returns, so every other key the
   * storefront (or the store middleware) put in is returned unset.
   */
  private initialSessionData(
    { session, request }: { session: KomojuSession; request: CreateSessionRequest },
    input: Record<string, unknown>,
    revision: number
  ): KomojuSessionData {
    const unset = Object.fromEntries(Object.keys(input).map((key) => [key, undefined]))
    return {
      ...unset,
      session_id: typeof input.session_id === "string" ? input.session_id : undefined,
      cart_id: typeof input.cart_id === "string" ? input.cart_id : undefined,
      komoju_session_id: session.id,
      session_url: session.session_url,
      external_order_num: request.payment_data.external_order_num,
      amount: request.amount,
      currency: request.currency,
      capture_mode: request.payment_data.capture ?? KomojuCaptureMode.Auto,
      return_url: request.return_url,
      revision,
      mode: komojuMode(this.options_),
    }
  }

  /**
   * Reads the session from KOMOJU and maps it. What KOMOJU holds must be what Medusa
   * asked for: anything else is an error, never a payment. When the plugin's webhook
   * pipeline or reconciliation has just read this very session (under its sync lock)
   * and runs the Medusa workflow that read led to, that read is used rather than a
   * second one (`read-back.ts`); the checks are the same.
   */
  private async readStatus(
    rawData: Record<string, unknown> | undefined
  ): Promise<{ status: PaymentSessionStatus; data: KomojuSessionData }> {
    const data = readSessionData(rawData)
    const session =
      komojuReadBackFor(data.komoju_session_id) ?? (await this.client_.retrieveSession(data.komoju_session_id))
    const mismatch = sessionMismatch(data, session)
    if (mismatch) {
      this.logger_.error(
        `KOMOJU session ${session.id} does not match payment session ${data.session_id}: ${mismatch}`
      )
      return { status: PaymentSessionStatus.ERROR, data: withSession(data, session) }
    }
    return { status: sessionStatusToMedusa(session), data: withSession(data, session) }
  }

  private async paymentIdOf(data: KomojuSessionData): Promise<string> {
    if (data.komoju_payment_id) return data.komoju_payment_id
    const session = await this.client_.retrieveSession(data.komoju_session_id)
    if (!session.payment) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `KOMOJU session ${data.komoju_session_id} has no payment yet`
      )
    }
    return session.payment.id
  }

  /**
   * The amount of Medusa's capture, in minor units. The payment module passes a provider
   * only the capture's id (as the idempotency key), so the amount is read from the
   * module's capture records; without them nothing is captured, rather than everything.
   */
  private async captureAmount(captureId: string, data: KomojuSessionData): Promise<number> {
    let capture: MedusaCapture
    try {
      capture = await this.cradle_.captureService!.retrieve(captureId, { select: ["id", "amount", "raw_amount"] })
    } catch (error) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `The amount of Medusa capture ${captureId} cannot be read (${(error as Error).message}); nothing was captured in KOMOJU`
      )
    }
    return toMinorUnits(capture.raw_amount ?? capture.amount, data.currency, "capture amount")
  }

  private async cancelAttempt(data: KomojuSessionData): Promise<KomojuSessionData> {
    const about = `payment session ${data.session_id}`
    return withSession(data, await cancelKomojuAttempt(this.client_, this.logger_, data.komoju_session_id, about))
  }
}

