import type {
  CreateAccountHolderInput,
  CreateAccountHolderOutput,
  DeleteAccountHolderInput,
  DeleteAccountHolderOutput,
  DeletePaymentMethodInput,
  DeletePaymentMethodOutput,
  ListPaymentMethodsInput,
  ListPaymentMethodsOutput,
  RetrieveAccountHolderInput,
  RetrieveAccountHolderOutput,
  SavePaymentMethodInput,
  SavePaymentMethodOutput,
  UpdateAccountHolderOutput,
} from "@medusajs/framework/types"
import { savedMethodRecords } from "../../lib/saved-method-records"
import {
  accountHolderFor,
  customerOfAccountHolder,
  deleteAllSavedMethods,
  deleteSavedMethod,
  listSavedMethods,
  saveWithoutPaying,
} from "./account-holders"
import { komojuMode, validateOptions } from "./options"
import { KomojuPaymentLifecycle, type AccountHolderLike } from "./payment-lifecycle"

/**
 * The KOMOJU payment provider Medusa registers: the payment lifecycle
 * (`payment-lifecycle.ts`), and customers' saved cards and PayPay as Medusa's account
 * holders and payment methods (`account-holders.ts`).
 */
export class KomojuProviderService extends KomojuPaymentLifecycle {
  static identifier = "komoju"

  static validateOptions(options: Record<string, unknown>): void {
    validateOptions(options)
  }

  /** The Medusa customer is the account holder: nothing is made at KOMOJU until a method is saved (`account-holders.ts`). */
  async createAccountHolder({ context }: CreateAccountHolderInput): Promise<CreateAccountHolderOutput> {
    return accountHolderFor(context.customer?.id)
  }

  async retrieveAccountHolder({ id }: RetrieveAccountHolderInput): Promise<RetrieveAccountHolderOutput> {
    return accountHolderFor(id)
  }

  /** KOMOJU's saved-method customers hold nothing of the Medusa customer's details to update. */
  async updateAccountHolder(): Promise<UpdateAccountHolderOutput> {
    return {}
  }

  /** Erases every method the customer saved at KOMOJU. */
  async deleteAccountHolder({ context }: DeleteAccountHolderInput): Promise<DeleteAccountHolderOutput> {
    const customerId = customerOfAccountHolder(context.account_holder as AccountHolderLike)
    if (customerId) await deleteAllSavedMethods(savedMethodRecords(), this.client_, this.logger_, customerId)
    return {}
  }

  async listPaymentMethods({ context }: ListPaymentMethodsInput): Promise<ListPaymentMethodsOutput> {
    const customerId = customerOfAccountHolder(context?.account_holder as AccountHolderLike)
    return customerId ? listSavedMethods(savedMethodRecords(), customerId, komojuMode(this.options_)) : []
  }

  /** A card or PayPay saved without a purchase, on KOMOJU's page (`customer` mode). */
  async savePaymentMethod(input: SavePaymentMethodInput): Promise<SavePaymentMethodOutput> {
    return saveWithoutPaying(this.client_, this.options_, this.logger_, input)
  }

  /** Erases a saved method at KOMOJU; only the account holder's own. */
  async deletePaymentMethod({ data, context }: DeletePaymentMethodInput): Promise<DeletePaymentMethodOutput> {
    const customerId = customerOfAccountHolder(context?.account_holder as AccountHolderLike)
    await deleteSavedMethod(savedMethodRecords(), this.client_, this.logger_, customerId, data.id)
    return {}
  }

}

export default KomojuProviderService
