/**
 * The demo ships no images (and the machine running it may have no network), so each
 * product gets a tile with the Japanese word of its title, tinted from its handle.
 */
const TINTS = ["#5e7d3c", "#8d9d4f", "#7a5c3e", "#4f6d5e", "#a0703f"]

type ProductArtProps = { title: string; handle: string; size?: "card" | "large" }

export function ProductArt({ title, handle, size = "card" }: ProductArtProps) {
  const word = title.split(" ")[0]
  const hash = [...handle].reduce((sum, char) => sum + char.charCodeAt(0), 0)
  return (
    <div
      className={`product-art product-art-${size}`}
      style={{ background: TINTS[hash % TINTS.length] }}
      aria-hidden="true"
    >
      <span>{word}</span>
    </div>
  )
}
