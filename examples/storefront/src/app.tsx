import type { ReactNode } from "react"
import { AccountProvider, useAccount } from "./account/account-context"
import { KOMOJU_RETURN_PATH } from "./checkout/use-komoju-redirect"
import { ErrorNotice } from "./components/error-notice"
import { Header } from "./components/header"
import { I18nProvider, useI18n } from "./i18n/i18n"
import { AccountPage } from "./pages/account-page"
import { CartPage } from "./pages/cart-page"
import { CheckoutPage } from "./pages/checkout-page"
import { KomojuReturnPage } from "./pages/komoju-return-page"
import { OrderPage } from "./pages/order-page"
import { ProductListPage } from "./pages/product-list-page"
import { ProductPage } from "./pages/product-page"
import { Link, useLocation } from "./router"
import { ShopProvider, useShop } from "./shop/shop-context"

export function App() {
  return (
    <I18nProvider>
      <ShopProvider>
        <AccountProvider>
          <Layout />
        </AccountProvider>
      </ShopProvider>
    </I18nProvider>
  )
}

function Layout() {
  const { t } = useI18n()
  const { ready, loadError } = useShop()
  const { customer } = useAccount()
  const { pathname } = useLocation()

  return (
    <>
      <Header />
      <main className="main">
        {loadError ? (
          <ErrorNotice error={loadError} />
        ) : ready && customer !== undefined ? (
          page(pathname)
        ) : (
          <p className="muted">{t.loading}</p>
        )}
      </main>
      <footer className="footer">{t.footer}</footer>
    </>
  )
}

function page(pathname: string): ReactNode {
  const product = pathname.match(/^\/products\/([^/]+)$/)
  const order = pathname.match(/^\/orders\/([^/]+)$/)
  if (pathname === "/") return <ProductListPage />
  if (product) return <ProductPage key={product[1]} handle={decodeURIComponent(product[1])} />
  if (pathname === "/cart") return <CartPage />
  if (pathname === "/checkout") return <CheckoutPage />
  if (pathname === KOMOJU_RETURN_PATH) return <KomojuReturnPage />
  if (order) return <OrderPage orderId={order[1]} />
  if (pathname === "/account") return <AccountPage />
  return <NotFound />
}

function NotFound() {
  const { t } = useI18n()
  return (
    <section className="empty" data-testid="not-found">
      <h1>{t.notFound}</h1>
      <Link to="/" className="button">
        {t.backToShop}
      </Link>
    </section>
  )
}
