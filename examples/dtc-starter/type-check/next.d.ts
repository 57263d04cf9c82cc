// What the drop-ins use of Next.js (a dependency of the starter, not of this repository).
declare module "next/cache" {
  export function revalidateTag(tag: string): void
}
