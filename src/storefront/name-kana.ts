import { isKatakanaName, NAME_KANA_METADATA_KEY, normalizeKatakanaName } from "../lib/kana"
import { komojuLocale, komojuMessages } from "./messages"

export { isKatakanaName, NAME_KANA_METADATA_KEY, normalizeKatakanaName }

export type NameKanaCheck = { ok: true; nameKana: string } | { ok: false; message: string }

/**
 * What a shopper typed in a "name in katakana" field, normalized (hiragana and
 * half-width katakana are accepted: `normalizeKatakanaName`), or why it is not a
 * katakana name, in the shopper's language (`locale`: ja, en, ko or a tag like "ko-KR";
 * Japanese otherwise). Blank is fine, as `nameKana: ""`: the name is optional.
 */
export function checkNameKana(value: string, { locale }: { locale?: string | null } = {}): NameKanaCheck {
  const nameKana = normalizeKatakanaName(value)
  if (nameKana === "" || isKatakanaName(nameKana)) return { ok: true, nameKana }
  return { ok: false, message: komojuMessages[komojuLocale(locale)].nameKanaInvalid }
}

/** A name `withNameKana` refused; `message` is for the shopper. */
export class KomojuNameKanaError extends Error {
  constructor(
    message: string,
    readonly value: string
  ) {
    super(message)
    this.name = "KomojuNameKanaError"
  }
}

export type AddressMetadataLike = { metadata?: Record<string, unknown> | null }

/**
 * The address to send in Medusa's store cart update (`shipping_address`, and
 * `billing_address` when it is the same one) with `metadata.name_kana` set to the
 * normalized name, or without it when the name is blank; other metadata is kept. Throws
 * a `KomojuNameKanaError` when the name is not katakana.
 */
export function withNameKana<A extends object>(
  address: A & AddressMetadataLike,
  nameKana: string,
  options: { locale?: string | null } = {}
): A & { metadata: Record<string, unknown> } {
  const checked = checkNameKana(nameKana, options)
  if (!checked.ok) throw new KomojuNameKanaError(checked.message, nameKana)
  const metadata = { ...address.metadata }
  delete metadata[NAME_KANA_METADATA_KEY]
  if (checked.nameKana) metadata[NAME_KANA_METADATA_KEY] = checked.nameKana
  return { ...address, metadata }
}
