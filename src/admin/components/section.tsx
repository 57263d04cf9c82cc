import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionProps = {
  title: string
  description?: string
  /** Shown at the right of the title: badges, buttons. */
  aside?: ReactNode
  children: ReactNode
  testId?: string
}

/** A card in the dashboard's style: a titled header, then its content, divided. */
export function Section({ title, description, aside, children, testId }: SectionProps) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{title}</Heading>
          {description && (
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          )}
        </div>
        {aside && <div className="flex shrink-0 items-center gap-x-2">{aside}</div>}
      </div>
      {children}
    </Container>
  )
}
