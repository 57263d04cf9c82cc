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
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  KomojuCaptureMode,
  KomojuError,
  KomojuErrorCode,
  KomojuHeader,
  KomojuHttpClient,
  KomojuPaymentStatus,
  KomojuSessionStatus,
  type CreateSessionRequest,
  type KomojuClient,
  type KomojuPayment,
  type KomojuSession,
} from "../../lib/komoju"
import { fromMinorUnits, toMinorUnits } from "./money"
import {
  resolveOptions,
  validateOptions,
  type KomojuProviderOptions,
  type ResolvedKomojuOptions,
} from "./options"
import { buildSessionRequest, METADATA_PAYMENT_SESSION_ID } from "./session-request"
import {
  hasKomojuSession,
  readSessionData,
  withPayment,
  withSession,
  type KomojuSessionData,
} from "./session-data"
import { eventTypeToAction, isCashPayment, sessionStatusToMedusa } from "./status"
import {
  deliveryDescription,
  eventPayment,
  headerValue,
  isValidSignature,
  parseEvent,
  toRawBody,
} from "./webhook"

type InjectedDependencies = {
  logger: Logger
}

/**
 * Medusa's payment lifecycle on KOMOJU's hosted page. Orchestration only: requests are
 * built in `session-request.ts`, statuses mapped in `status.ts`, money converted in
 * `money.ts`, webhooks verified in `webhook.ts`, HTTP done by the KOMOJU client.
 */
export class KomojuProviderService extends AbstractPaymentProvider<KomojuProviderOptions> {
  static identifier = "komoju"

  protected readonly options_: ResolvedKomojuOptions
  protected readonly logger_: Logger
  protected readonly client_: KomojuClient

  static validateOptions(options: Record<string, unknown>): void {
    validateOptions(options)
  }

  constructor(cradle: InjectedDependencies, options: KomojuProviderOptions) {
    super(cradle, options)
    this.options_ = resolveOptions(options)
    this.logger_ = cradle.logger
    this.client_ = new KomojuHttpClient({
      secretKey: this.options_.secretKey,
      apiUrl: this.options_.apiUrl,
      apiVersion: this.options_.apiVersion,
      timeoutMs: this.options_.requestTimeoutMs,
      maxRetries: this.options_.maxRetries,
      logger: this.logger_,
    })
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const currency = input.currency_code.toUpperCase()
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
    const currency = input.currency_code.toUpperCase()
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

  /**
   * Captures a held card authorization. Capturing what is already captured succeeds
   * without a second capture: cart completion and the `payment.captured` webhook race.
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = readSessionData(input.data)
    if (data.komoju_payment_status === KomojuPaymentStatus.Captured) {
      return { data }
    }
    const paymentId = await this.paymentIdOf(data)
    try {
      const payment = await this.client_.capturePayment(paymentId, {}, {
        idempotencyKey: input.context?.idempotency_key,
      })
      this.logger_.info(`KOMOJU payment ${paymentId} captured (payment session ${data.session_id})`)
      return { data: withPayment(data, payment) }
    } catch (error) {
      if (!isKomojuCode(error, KomojuErrorCode.NotCapturable)) throw error
      const payment = await this.client_.retrievePayment(paymentId)
      if (payment.status === KomojuPaymentStatus.Captured) {
        return { data: withPayment(data, payment) }
      }
      if (payment.status === KomojuPaymentStatus.Authorized && isCashPayment(payment)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `KOMOJU payment ${paymentId} (${payment.payment_details?.type}) is waiting for the customer to pay; it is captured automatically when they do, and cannot be captured by hand`,
          KomojuErrorCode.NotCapturable
        )
      }
      throw error
    }
  }

  /**
   * Partial and repeated refunds, in exact minor units. A refund already made in KOMOJU's
   * dashboard (an unrecorded KOMOJU refund of this amount) is recorded instead of made
   * again: that is how the plugin mirrors dashboard refunds into Medusa without
   * refunding twice.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = readSessionData(input.data)
    const paymentId = await this.paymentIdOf(data)
    const amount = toMinorUnits(input.amount, data.currency)
    const recorded = data.komoju_refunds_recorded ?? []
    const current = await this.client_.retrievePayment(paymentId)
    const madeInKomoju = unrecordedRefunds(current, recorded).find((r) => r.amount === amount)
    if (madeInKomoju) {
      this.logger_.info(
        `KOMOJU refund ${madeInKomoju.id} of payment ${paymentId} recorded in Medusa (made in KOMOJU, not repeated)`
      )
      return {
        data: { ...withPayment(data, current), komoju_refunds_recorded: [...recorded, madeInKomoju.id] },
      }
    }
    const refunded = await this.refundInKomoju(paymentId, amount, data, input.context?.idempotency_key)
    const known = new Set((current.refunds ?? []).map((r) => r.id))
    const created = (refunded.refunds ?? []).filter((r) => !known.has(r.id)).map((r) => r.id)
    this.logger_.info(
      `KOMOJU payment ${paymentId} refunded ${amount} ${data.currency} (refund ${created.join(", ")}, payment session ${data.session_id})`
    )
    return {
      data: { ...withPayment(data, refunded), komoju_refunds_recorded: [...recorded, ...created] },
    }
  }

  private async refundInKomoju(
    paymentId: string,
    amount: number,
    data: KomojuSessionData,
    idempotencyKey: string | undefined
  ): Promise<KomojuPayment> {
    try {
      return await this.client_.refundPayment(paymentId, { amount }, { idempotencyKey })
    } catch (error) {
      if (error instanceof KomojuError && error.komojuCode === KomojuErrorCode.NotRefundable) {
        throw new KomojuError({
          httpStatus: error.httpStatus,
          code: error.komojuCode,
          param: error.param,
          message:
            `${error.komojuMessage}. KOMOJU cannot refund this ${data.payment_type ? `${data.payment_type} ` : ""}payment through its API. ` +
            "Konbini, bank transfer and Pay-easy payments are refunded to the customer's bank account: " +
            "create a refund request for it in KOMOJU's dashboard; the refund then appears in Medusa by itself.",
        })
      }
      throw error
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

  async getWebhookActionAndData(
    payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    const ignored = { action: PaymentActions.NOT_SUPPORTED }
    const delivery = deliveryDescription(payload.headers)
    const rawBody = toRawBody(payload.rawData)
    const signature = headerValue(payload.headers, KomojuHeader.Signature)
    if (!rawBody || !isValidSignature(rawBody, signature, this.options_.webhookSecret)) {
      this.logger_.warn(
        `KOMOJU webhook refused: ${signature ? "signature does not match" : "no signature"} (${delivery})`
      )
      return ignored
    }
    const event = parseEvent(rawBody)
    const payment = event && eventPayment(event)
    const medusaSessionId = payment?.metadata?.[METADATA_PAYMENT_SESSION_ID]
    if (!event || !payment || !medusaSessionId) {
      this.logger_.debug(`KOMOJU webhook without a Medusa payment session ignored (${delivery})`)
      return ignored
    }
    const action = eventTypeToAction(event.type)
    this.logger_.info(
      `KOMOJU webhook ${event.type} for payment ${payment.id} (session ${payment.session}, payment session ${medusaSessionId}) → ${action}`
    )
    return {
      action,
      data: {
        session_id: medusaSessionId,
        amount: fromMinorUnits(payment.amount, payment.currency),
      },
    }
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
    const request = buildSessionRequest({
      amount: args.amount,
      currency: args.currency,
      data: args.data,
      context: args.context,
      medusaPaymentSessionId,
      revision: args.revision,
      options: this.options_,
    })
    const session = await this.client_.createSession(request, {
      idempotencyKey: args.idempotencyKey,
    })
    this.logger_.info(
      `KOMOJU session ${session.id} created for ${request.payment_data.external_order_num} (payment session ${medusaPaymentSessionId})`
    )
    return { session, request }
  }

  private initialSessionData(
    { session, request }: { session: KomojuSession; request: CreateSessionRequest },
    data: Record<string, unknown>,
    revision: number
  ): KomojuSessionData {
    return {
      session_id: typeof data.session_id === "string" ? data.session_id : undefined,
      cart_id: typeof data.cart_id === "string" ? data.cart_id : undefined,
      komoju_session_id: session.id,
      session_url: session.session_url,
      external_order_num: request.payment_data.external_order_num,
      amount: session.amount,
      currency: session.currency,
      capture_mode: request.payment_data.capture ?? KomojuCaptureMode.Auto,
      return_url: session.return_url,
      revision,
      mode: this.options_.secretKey.startsWith("sk_live_") ? "live" : "test",
    }
  }

  /**
   * Reads the session from KOMOJU and maps it. The amount and currency KOMOJU holds must
   * be the ones this session asked for: anything else is an error, never a payment.
   */
  private async readStatus(
    rawData: Record<string, unknown> | undefined
  ): Promise<{ status: PaymentSessionStatus; data: KomojuSessionData }> {
    const data = readSessionData(rawData)
    const session = await this.client_.retrieveSession(data.komoju_session_id)
    const mismatch = amountMismatch(data, session)
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
   * Ends a checkout attempt: cancels its payment while pending or authorized (a konbini
   * receipt stops being payable), or the session while nobody has paid. What is already
   * cancelled or expired counts as done. A captured payment cannot be cancelled: that
   * money must be refunded, so the error says so instead of losing track of it.
   */
  private async cancelAttempt(data: KomojuSessionData): Promise<KomojuSessionData> {
    const session = await this.client_.retrieveSession(data.komoju_session_id)
    const payment = session.payment
    if (!payment) {
      if (session.status !== KomojuSessionStatus.Pending || session.expired) {
        return data
      }
      await this.client_.cancelSession(session.id, {
        idempotencyKey: `cancel-${session.id}`,
      })
      this.logger_.info(`KOMOJU session ${session.id} cancelled (payment session ${data.session_id})`)
      return data
    }
    return withPayment(data, await this.cancelKomojuPayment(payment, data))
  }

  private async cancelKomojuPayment(
    payment: KomojuPayment,
    data: KomojuSessionData
  ): Promise<KomojuPayment> {
    switch (payment.status) {
      case KomojuPaymentStatus.Cancelled:
      case KomojuPaymentStatus.Expired:
      case KomojuPaymentStatus.Failed:
        return payment
      case KomojuPaymentStatus.Pending:
      case KomojuPaymentStatus.Authorized: {
        const cancelled = await this.client_.cancelPayment(payment.id, {
          idempotencyKey: `cancel-${payment.id}`,
        })
        this.logger_.info(`KOMOJU payment ${payment.id} cancelled (payment session ${data.session_id})`)
        return cancelled
      }
      default:
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `KOMOJU payment ${payment.id} is ${payment.status} and cannot be cancelled; refund it instead`,
          KomojuErrorCode.NotCancellable
        )
    }
  }
}

function amountMismatch(data: KomojuSessionData, session: KomojuSession): string | undefined {
  const asked = `${data.amount} ${data.currency}`
  if (session.amount !== data.amount || session.currency !== data.currency) {
    return `asked ${asked}, session holds ${session.amount} ${session.currency}`
  }
  const payment = session.payment
  if (payment && (payment.amount !== data.amount || payment.currency !== data.currency)) {
    return `asked ${asked}, payment holds ${payment.amount} ${payment.currency}`
  }
  return undefined
}

/** KOMOJU refunds of this payment that no Medusa refund stands for yet. */
export function unrecordedRefunds(payment: KomojuPayment, recorded: string[]) {
  const known = new Set(recorded)
  return (payment.refunds ?? []).filter((refund) => !known.has(refund.id))
}

function isKomojuCode(error: unknown, code: string): boolean {
  return error instanceof KomojuError && error.komojuCode === code
}

export default KomojuProviderService
