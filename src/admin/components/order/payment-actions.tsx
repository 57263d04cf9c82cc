import { Button, toast, usePrompt } from "@medusajs/ui"
import { formatMinorUnits } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import { useCancelKomojuOrder, useCaptureKomojuPayment } from "../../lib/queries"
import type { KomojuOrderPayment } from "../../lib/types"

type PaymentActionsProps = { orderId: string; payment: KomojuOrderPayment }

/** Capture and cancel for a held card authorization, each confirmed first. */
export function PaymentActions({ orderId, payment }: PaymentActionsProps) {
  const { t, locale } = useKomojuTranslation()
  const prompt = usePrompt()
  const capture = useCaptureKomojuPayment(orderId)
  const cancel = useCancelKomojuOrder(orderId)
  const paymentId = payment.payment_id
  if (!paymentId || !(payment.can_capture || payment.can_cancel)) return null

  const amount =
    payment.amount !== null && payment.currency ? formatMinorUnits(payment.amount, payment.currency, locale) : ""
  const onError = (error: Error) => toast.error(t("komoju.order.actionFailed"), { description: error.message })

  const confirmCapture = async () => {
    const confirmed = await prompt({
      title: t("komoju.order.captureTitle"),
      description: t("komoju.order.captureDescription", { amount }),
      confirmText: t("komoju.order.captureConfirm"),
      cancelText: t("komoju.order.back"),
      variant: "confirmation",
    })
    if (confirmed) {
      capture.mutate(paymentId, { onSuccess: () => toast.success(t("komoju.order.captured")), onError })
    }
  }

  const confirmCancel = async () => {
    const confirmed = await prompt({
      title: t("komoju.order.cancelTitle"),
      description: t("komoju.order.cancelDescription", { amount }),
      confirmText: t("komoju.order.cancelConfirm"),
      cancelText: t("komoju.order.back"),
      variant: "danger",
    })
    if (confirmed) {
      cancel.mutate(undefined, { onSuccess: () => toast.success(t("komoju.order.canceled")), onError })
    }
  }

  const busy = capture.isPending || cancel.isPending
  return (
    <div className="flex items-center justify-end gap-x-2 px-6 py-4">
      {payment.can_cancel && (
        <Button
          size="small"
          variant="secondary"
          disabled={busy}
          isLoading={cancel.isPending}
          onClick={confirmCancel}
          data-testid="komoju-order-cancel"
        >
          {t("komoju.order.cancel")}
        </Button>
      )}
      {payment.can_capture && (
        <Button
          size="small"
          disabled={busy}
          isLoading={capture.isPending}
          onClick={confirmCapture}
          data-testid="komoju-order-capture"
        >
          {t("komoju.order.capture")}
        </Button>
      )}
    </div>
  )
}
