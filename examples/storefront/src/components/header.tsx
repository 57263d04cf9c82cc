import { useAccount } from "../account/account-context"
import { useI18n } from "../i18n/i18n"
import { Link } from "../router"
import { useShop } from "../shop/shop-context"
import { LanguageSwitch } from "./language-switch"
import { RegionSelect } from "./region-select"

export function Header() {
  const { t } = useI18n()
  const { cart } = useShop()
  const { customer } = useAccount()
  const count = cart?.items?.reduce((sum, item) => sum + item.quantity, 0) ?? 0

  return (
    <header className="header">
      <div className="header-inner">
        <Link to="/" className="brand" data-testid="home-link">
          <span className="brand-mark" aria-hidden="true">茶</span>
          <span>
            <span className="brand-name">KOMOJU 茶舗</span>
            <span className="brand-tagline">{t.tagline}</span>
          </span>
        </Link>
        <nav className="header-nav">
          <RegionSelect />
          <LanguageSwitch />
          <Link to="/account" className="account-link" data-testid="account-link" data-signed-in={Boolean(customer)}>
            {customer ? t.account : t.signIn}
          </Link>
          <Link to="/cart" className="cart-link" data-testid="cart-link">
            {t.cart}
            <span className="cart-count" data-testid="cart-count">
              {count}
            </span>
          </Link>
        </nav>
      </div>
    </header>
  )
}
