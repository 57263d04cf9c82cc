/**
 * The store middleware's one statement per new KOMOJU session (`checkoutContext`): the
 * cart of a payment collection (through Medusa's cart ↔ payment collection link), what
 * KOMOJU's page shows of it, and every admin settings row.
 *
 * The cart comes as Medusa's cart module keeps it: items and shipping methods with their
 * prices, tax lines and adjustments, credit lines and both addresses, amounts as their
 * `raw_` values (exact decimals). The totals are then computed by Medusa's own
 * `decorateCartTotals`, as its cart module does; reading the cart through the module
 * instead (a dozen queries and the hydration of every relation) cost a checkout about
 * 20 ms of the Node process's time.
 */
const TAX_LINES = (table: string, key: string, owner: string) =>
  `coalesce((select json_agg(json_build_object('rate', t.rate, 'code', t.code))
             from ${table} t where t.${key} = ${owner}.id and t.deleted_at is null), '[]'::json)`

const ADJUSTMENTS = (table: string, key: string, owner: string, taxInclusive: string) =>
  `coalesce((select json_agg(json_build_object('amount', a.raw_amount, 'is_tax_inclusive', ${taxInclusive}))
             from ${table} a where a.${key} = ${owner}.id and a.deleted_at is null), '[]'::json)`

const ADDRESS = (column: string) =>
  `(select json_build_object('first_name', ad.first_name, 'last_name', ad.last_name, 'address_1', ad.address_1,
           'address_2', ad.address_2, 'city', ad.city, 'province', ad.province, 'postal_code', ad.postal_code,
           'country_code', ad.country_code, 'metadata', ad.metadata)
      from cart_address ad where ad.id = c.${column} and ad.deleted_at is null)`

const CART = `json_build_object(
  'email', c.email,
  'items', coalesce((select json_agg(json_build_object(
             'id', li.id, 'title', li.title, 'variant_title', li.variant_title, 'variant_sku', li.variant_sku,
             'variant_id', li.variant_id, 'thumbnail', li.thumbnail, 'quantity', li.quantity,
             'unit_price', li.raw_unit_price, 'compare_at_unit_price', li.raw_compare_at_unit_price,
             'is_tax_inclusive', li.is_tax_inclusive,
             'tax_lines', ${TAX_LINES("cart_line_item_tax_line", "item_id", "li")},
             'adjustments', ${ADJUSTMENTS("cart_line_item_adjustment", "item_id", "li", "a.is_tax_inclusive")})
             order by li.created_at, li.id)
           from cart_line_item li where li.cart_id = c.id and li.deleted_at is null), '[]'::json),
  'shipping_methods', coalesce((select json_agg(json_build_object(
             'id', sm.id, 'name', sm.name, 'amount', sm.raw_amount, 'is_tax_inclusive', sm.is_tax_inclusive,
             'tax_lines', ${TAX_LINES("cart_shipping_method_tax_line", "shipping_method_id", "sm")},
             'adjustments', ${ADJUSTMENTS("cart_shipping_method_adjustment", "shipping_method_id", "sm", "false")})
             order by sm.created_at, sm.id)
           from cart_shipping_method sm where sm.cart_id = c.id and sm.deleted_at is null), '[]'::json),
  'credit_lines', coalesce((select json_agg(json_build_object('amount', cl.raw_amount))
           from credit_line cl where cl.cart_id = c.id and cl.deleted_at is null), '[]'::json),
  'shipping_address', ${ADDRESS("shipping_address_id")},
  'billing_address', ${ADDRESS("billing_address_id")})`

export const CHECKOUT_CONTEXT_SQL = `select pc.currency_code, c.id as cart_id, c.region_id, c.locale,
       case when c.id is null then null else ${CART} end as cart,
       coalesce((select json_agg(json_build_object(
                  'scope_type', s.scope_type, 'scope_id', s.scope_id, 'payment_types', s.payment_types,
                  'default_locale', s.default_locale, 'capture_mode', s.capture_mode,
                  'session_expires_in_seconds', s.session_expires_in_seconds))
                  from komoju_setting s where s.deleted_at is null), '[]'::json) as settings
  from (select 1) as one
  left join payment_collection pc on pc.id = ? and pc.deleted_at is null
  left join cart_payment_collection link on link.payment_collection_id = pc.id and link.deleted_at is null
  left join cart c on c.id = link.cart_id and c.deleted_at is null`
