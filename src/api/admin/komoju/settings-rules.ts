import { isKomojuPaymentType, unsupportedInCurrency } from "../../../lib/komoju"
import type { AdminUpdateKomojuSettingsType } from "./validators"

export type StoreRegion = { id: string; name: string; currency_code: string }

/**
 * The combinations KOMOJU would refuse at checkout, as messages an admin can act on:
 * unknown types, a type a currency does not support (konbini in USD), and a region left
 * with no type it can pay with. Empty when the settings are fine. Pure.
 */
export function settingsProblems(
  input: AdminUpdateKomojuSettingsType,
  regions: StoreRegion[]
): string[] {
  const problems: string[] = []
  const all = [...(input.payment_types ?? []), ...(input.scopes ?? []).flatMap((s) => s.payment_types)]
  const unknown = [...new Set(all.filter((id) => !isKomojuPaymentType(id)))]
  if (unknown.length) problems.push(`unknown payment types: ${unknown.join(", ")}`)

  const scopeKeys = (input.scopes ?? []).map((s) => `${s.scope_type} ${s.scope_type === "currency" ? s.scope_id.toLowerCase() : s.scope_id}`)
  const repeated = [...new Set(scopeKeys.filter((key, i) => scopeKeys.indexOf(key) !== i))]
  if (repeated.length) problems.push(`settings given twice for ${repeated.join(", ")}`)

  for (const scope of input.scopes ?? []) {
    const region = scope.scope_type === "region" ? regions.find((r) => r.id === scope.scope_id) : undefined
    const currency = scope.scope_type === "currency" ? scope.scope_id : region?.currency_code
    if (!currency) {
      problems.push(`region ${scope.scope_id} does not exist`)
      continue
    }
    const unsupported = unsupportedInCurrency(scope.payment_types, currency).filter(isKomojuPaymentType)
    if (unsupported.length) {
      const where = region ? `region ${region.name}` : `currency ${currency.toUpperCase()}`
      problems.push(`${unsupported.join(", ")} cannot be paid in ${currency.toUpperCase()} (${where})`)
    }
  }

  if (input.payment_types) {
    for (const region of regions) {
      const overridden = (input.scopes ?? []).some(
        (s) =>
          (s.scope_type === "region" && s.scope_id === region.id) ||
          (s.scope_type === "currency" && s.scope_id === region.currency_code)
      )
      if (overridden) continue
      const usable = input.payment_types.filter(
        (id) => isKomojuPaymentType(id) && !unsupportedInCurrency([id], region.currency_code).length
      )
      if (!usable.length) {
        problems.push(
          `region ${region.name} (${region.currency_code.toUpperCase()}) would have no payment type: add one it supports, or a setting for that region`
        )
      }
    }
  }
  return problems
}
