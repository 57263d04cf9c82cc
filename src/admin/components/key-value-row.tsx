import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type KeyValueRowProps = {
  label: string
  children: ReactNode
  /** On the value, so a test reads just the value. */
  testId?: string
}

/** One labelled value, laid out like the dashboard's own detail rows. */
export function KeyValueRow({ label, children, testId }: KeyValueRowProps) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-start gap-x-3 px-6 py-3">
      <Text size="small" weight="plus" leading="compact">
        {label}
      </Text>
      <div className="txt-compact-small min-w-0 break-words" data-testid={testId}>
        {children}
      </div>
    </div>
  )
}
