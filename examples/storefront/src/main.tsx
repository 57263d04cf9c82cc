import { createRoot } from "react-dom/client"
import { App } from "./app"

// No <StrictMode>: it runs effects twice in development, and the KOMOJU return page's
// effect completes the cart, which must happen once.
createRoot(document.getElementById("root")!).render(<App />)
