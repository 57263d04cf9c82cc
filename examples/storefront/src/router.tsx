import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react"

/**
 * A few lines of History API routing instead of a router package: the shop has seven
 * pages, and KOMOJU's redirect back is an ordinary page load that the dev server
 * answers with index.html.
 */

const NAVIGATED = "storefront:navigated"

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}) {
  if (replace) window.history.replaceState(null, "", to)
  else window.history.pushState(null, "", to)
  window.dispatchEvent(new Event(NAVIGATED))
  window.scrollTo(0, 0)
}

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange)
  window.addEventListener(NAVIGATED, onChange)
  return () => {
    window.removeEventListener("popstate", onChange)
    window.removeEventListener(NAVIGATED, onChange)
  }
}

/** The current URL; components re-render when it changes. */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, () => window.location.href)
  return new URL(href)
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }

export function Link({ to, onClick, ...props }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    // Let the browser handle new tabs and windows.
    const modified = event.metaKey || event.ctrlKey || event.shiftKey
    if (event.defaultPrevented || event.button !== 0 || modified) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={follow} {...props} />
}
