// Mirror of dtc-starter's src/modules/common/components/ui/index.tsx (the part the drop-ins use).
import { ButtonHTMLAttributes, ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from "react"

type TextProps = HTMLAttributes<HTMLParagraphElement> & { as?: "p" | "span" | "div" }
type HeadingProps = HTMLAttributes<HTMLHeadingElement> & { level?: "h1" | "h2" | "h3" }
type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "transparent"
  size?: "small" | "medium" | "large"
  isLoading?: boolean
}

export declare const Text: ForwardRefExoticComponent<TextProps & RefAttributes<HTMLParagraphElement>>
export declare const Heading: ForwardRefExoticComponent<HeadingProps & RefAttributes<HTMLHeadingElement>>
export declare const Button: ForwardRefExoticComponent<ButtonProps & RefAttributes<HTMLButtonElement>>
