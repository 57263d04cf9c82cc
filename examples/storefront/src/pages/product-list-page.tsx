import { ErrorNotice } from "../components/error-notice"
import { ProductArt } from "../components/product-art"
import { formatMoney } from "../format"
import { useI18n } from "../i18n/i18n"
import { Link } from "../router"
import { listProducts, variantPrice } from "../shop/products"
import { useShop } from "../shop/shop-context"
import { useLoad } from "../use-load"

export function ProductListPage() {
  const { locale, t } = useI18n()
  const { region } = useShop()
  const regionId = region?.id
  const products = useLoad(async () => (regionId ? listProducts(regionId) : []), [regionId])

  return (
    <section>
      <h1>{t.shop}</h1>
      <p className="lead">{t.shopIntro}</p>
      {products.error ? <ErrorNotice error={products.error} /> : null}
      {products.loading && !products.data ? <p className="muted">{t.loading}</p> : null}
      <ul className="product-grid" data-testid="product-list">
        {products.data?.map((product) => {
          const price = variantPrice(product)
          return (
            <li key={product.id}>
              <Link
                to={`/products/${product.handle}`}
                className="product-card"
                data-testid="product-card"
                data-handle={product.handle}
              >
                <ProductArt title={product.title} handle={product.handle} />
                <span className="product-card-title" data-testid="product-title">
                  {product.title}
                </span>
                <span className="product-card-price" data-testid="product-price">
                  {price ? formatMoney(price.amount, price.currencyCode, locale) : t.noPrice}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
