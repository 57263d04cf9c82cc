import { useState, type FormEvent } from "react"
import { ErrorNotice } from "../components/error-notice"
import { ProductArt } from "../components/product-art"
import { formatMoney } from "../format"
import { useI18n } from "../i18n/i18n"
import { Link } from "../router"
import { productByHandle, sellableVariant, variantPrice } from "../shop/products"
import { useShop } from "../shop/shop-context"
import { useLoad } from "../use-load"

export function ProductPage({ handle }: { handle: string }) {
  const { locale, t } = useI18n()
  const { region, addItem } = useShop()
  const regionId = region?.id
  const product = useLoad(
    async () => (regionId ? productByHandle(handle, regionId) : undefined),
    [handle, regionId]
  )
  const [quantity, setQuantity] = useState(1)
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState(false)
  const [addError, setAddError] = useState<unknown>()

  if (product.error) return <ErrorNotice error={product.error} />
  if (product.loading && !product.data) return <p className="muted">{t.loading}</p>
  if (!product.data) {
    return (
      <section>
        <h1>{t.productNotFound}</h1>
        <Link to="/">{t.backToShop}</Link>
      </section>
    )
  }

  const { title, description } = product.data
  const variant = sellableVariant(product.data)
  const price = variantPrice(product.data)

  const add = async (event: FormEvent) => {
    event.preventDefault()
    if (!variant) return
    setAdding(true)
    setAdded(false)
    setAddError(undefined)
    try {
      await addItem(variant.id, quantity)
      setAdded(true)
    } catch (error) {
      setAddError(error)
    } finally {
      setAdding(false)
    }
  }

  return (
    <section className="product-page" data-testid="product-detail" data-handle={handle}>
      <ProductArt title={title} handle={handle} size="large" />
      <div className="product-page-body">
        <Link to="/" className="back-link">
          ← {t.backToShop}
        </Link>
        <h1 data-testid="product-detail-title">{title}</h1>
        <p className="product-page-price" data-testid="product-detail-price">
          {price ? formatMoney(price.amount, price.currencyCode, locale) : t.noPrice}
        </p>
        {description && <p>{description}</p>}
        <form className="add-to-cart" onSubmit={add}>
          <label>
            {t.quantity}
            <input
              type="number"
              min={1}
              max={99}
              value={quantity}
              onChange={(event) => setQuantity(Math.max(1, Number(event.target.value) || 1))}
              data-testid="quantity-input"
            />
          </label>
          <button type="submit" className="button" disabled={adding || !price} data-testid="add-to-cart">
            {adding ? t.adding : t.addToCart}
          </button>
        </form>
        {added && (
          <p className="notice notice-success" role="status" data-testid="added-to-cart">
            {t.addedToCart}
            <Link to="/cart" data-testid="view-cart">
              {t.viewCart} →
            </Link>
          </p>
        )}
        {addError ? <ErrorNotice error={addError} /> : null}
      </div>
    </section>
  )
}
