import { Button, Checkbox, Drawer, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useId, useState, type ReactNode } from "react"
import { BANK_ACCOUNT_TYPES } from "../../../lib/refund-request-rules"
import { formatMinorUnits, fractionDigits, minorToMajor } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import { useRequestKomojuRefund } from "../../lib/queries"
import {
  bodyFromDraft,
  digitsOf,
  draftProblems,
  emptyDraft,
  namePreview,
  newRequestId,
  type DraftProblems,
  type RefundRequestDraft,
} from "../../lib/refund-request-form"
import type { KomojuOrderPayment } from "../../lib/types"

type RefundRequestDrawerProps = { orderId: string; payment: KomojuOrderPayment }

/**
 * "Refund to bank account": the customer's account, checked here with the route's own
 * rules, sent to KOMOJU as a refund request. Each submission carries a fresh id, which
 * KOMOJU takes as its idempotency key: a double click or a retried request makes one.
 */
export function RefundRequestDrawer({ orderId, payment }: RefundRequestDrawerProps) {
  const { t, locale } = useKomojuTranslation()
  const currency = payment.currency ?? "JPY"
  const refundable = payment.refundable_amount === null ? null : minorToMajor(payment.refundable_amount, currency)
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<RefundRequestDraft>(() => emptyDraft(refundable))
  const [shown, setShown] = useState<DraftProblems>({})
  const [requestId, setRequestId] = useState<string | null>(null)
  const send = useRequestKomojuRefund(orderId)

  // An edited form is a new submission; the same form sent again (after an error or a
  // lost answer) keeps its id, so KOMOJU makes at most one request for it.
  const change = (patch: Partial<RefundRequestDraft>) => {
    setRequestId(null)
    setDraft((current) => ({ ...current, ...patch }))
    // An error is about the value the field had: once edited, it waits for the next submission.
    setShown((current) => {
      const next = { ...current }
      for (const field of Object.keys(patch)) delete next[field as keyof DraftProblems]
      return next
    })
  }
  const openChange = (next: boolean) => {
    if (next) {
      setDraft(emptyDraft(refundable))
      setShown({})
      setRequestId(null)
    }
    setOpen(next)
  }
  const submit = () => {
    const problems = draftProblems(draft, refundable, fractionDigits(currency))
    setShown(problems)
    if (Object.keys(problems).length || send.isPending) return
    const id = requestId ?? newRequestId()
    setRequestId(id)
    send.mutate(bodyFromDraft(draft, id), {
      onSuccess: () => {
        setRequestId(null)
        setOpen(false)
        toast.success(t("komoju.order.refundRequest.sent"))
      },
      onError: (error) => {
        toast.error(t("komoju.order.refundRequest.failed"), { description: error.message })
      },
    })
  }
  const problem = (field: keyof DraftProblems) => {
    const kind = shown[field]
    if (!kind) return undefined
    return t(`komoju.order.refundRequest.problems.${kind}`, {
      count: digitsOf(field) ?? 0,
      smallest: formatMinorUnits(1, currency, locale),
    })
  }
  const preview = namePreview(draft)

  return (
    <Drawer open={open} onOpenChange={openChange}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="komoju-refund-request-open">
          {t("komoju.order.refundRequest.open")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="komoju-refund-request-form">
        <Drawer.Header>
          <Drawer.Title>{t("komoju.order.refundRequest.title")}</Drawer.Title>
          <Drawer.Description>{t("komoju.order.refundRequest.description")}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Field
            label={t("komoju.order.refundRequest.amount", { currency: currency.toUpperCase() })}
            hint={payment.refundable_amount !== null ? t("komoju.order.refundRequest.amountHint", { amount: formatMinorUnits(payment.refundable_amount, currency, locale) }) : undefined}
            error={problem("amount")}
            testId="amount"
          >
            {(id) => (
              <Input id={id} size="small" type="number" inputMode="decimal" min={0} value={draft.amount} onChange={(e) => change({ amount: e.target.value })} data-testid="komoju-refund-request-amount" />
            )}
          </Field>
          <Field
            label={t("komoju.order.refundRequest.customerName")}
            hint={t("komoju.order.refundRequest.customerNameHint", { preview: preview || "-" })}
            error={problem("customer_name")}
            testId="customer-name"
          >
            {(id) => (
              <Input id={id} size="small" placeholder="ヤマダ タロウ" value={draft.customer_name} onChange={(e) => change({ customer_name: e.target.value })} data-testid="komoju-refund-request-customer-name" />
            )}
          </Field>
          <TextField label={t("komoju.order.refundRequest.bankName")} value={draft.bank_name} onChange={(bank_name) => change({ bank_name })} error={problem("bank_name")} testId="bank-name" />
          <div className="grid grid-cols-2 gap-x-4">
            <TextField label={t("komoju.order.refundRequest.bankCode")} value={draft.bank_code} onChange={(bank_code) => change({ bank_code })} error={problem("bank_code")} testId="bank-code" numeric />
            <TextField label={t("komoju.order.refundRequest.branchNumber")} value={draft.branch_number} onChange={(branch_number) => change({ branch_number })} error={problem("branch_number")} testId="branch-number" numeric />
          </div>
          <TextField label={t("komoju.order.refundRequest.branchName")} value={draft.branch_name} onChange={(branch_name) => change({ branch_name })} testId="branch-name" />
          <div className="grid grid-cols-2 gap-x-4">
            <Field label={t("komoju.order.refundRequest.accountType")}>
              {(id) => (
                <Select size="small" value={draft.account_type} onValueChange={(value) => change({ account_type: value as RefundRequestDraft["account_type"] })}>
                  <Select.Trigger id={id} data-testid="komoju-refund-request-account-type">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {BANK_ACCOUNT_TYPES.map((type) => (
                      <Select.Item key={type} value={type} data-testid={`komoju-refund-request-account-type-${type}`}>
                        {t(`komoju.order.refundRequest.accountTypes.${type}`)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            </Field>
            <TextField label={t("komoju.order.refundRequest.accountNumber")} value={draft.account_number} onChange={(account_number) => change({ account_number })} error={problem("account_number")} testId="account-number" numeric />
          </div>
          <div className="flex items-center gap-x-2">
            <Checkbox
              id="komoju-refund-request-include-fee"
              checked={draft.include_payment_method_fee}
              onCheckedChange={(checked) => change({ include_payment_method_fee: checked === true })}
              data-testid="komoju-refund-request-include-fee"
            />
            <Label htmlFor="komoju-refund-request-include-fee" size="small">
              {t("komoju.order.refundRequest.includeFee")}
            </Label>
          </div>
          <Field label={t("komoju.order.refundRequest.descriptionLabel")}>
            {(id) => (
              <Textarea id={id} value={draft.description} onChange={(e) => change({ description: e.target.value })} data-testid="komoju-refund-request-description" />
            )}
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={send.isPending}>
              {t("komoju.order.refundRequest.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={send.isPending} disabled={send.isPending} data-testid="komoju-refund-request-submit">
            {t("komoju.order.refundRequest.submit")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

type FieldProps = {
  label: string
  hint?: string
  error?: string
  /** Names the hint and the error for tests: komoju-refund-request-<testId>-hint / -error. */
  testId?: string
  children: (id: string) => ReactNode
}

function Field({ label, hint, error, testId, children }: FieldProps) {
  const id = useId()
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {children(id)}
      {error ? (
        <Text size="small" className="text-ui-fg-error" data-testid={testId && `komoju-refund-request-${testId}-error`}>
          {error}
        </Text>
      ) : (
        hint && (
          <Text size="small" className="text-ui-fg-subtle" data-testid={testId && `komoju-refund-request-${testId}-hint`}>
            {hint}
          </Text>
        )
      )}
    </div>
  )
}

type TextFieldProps = { label: string; value: string; onChange: (value: string) => void; error?: string; testId: string; numeric?: boolean }

function TextField({ label, value, onChange, error, testId, numeric }: TextFieldProps) {
  return (
    <Field label={label} error={error} testId={testId}>
      {(id) => (
        <Input
          id={id}
          size="small"
          inputMode={numeric ? "numeric" : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`komoju-refund-request-${testId}`}
        />
      )}
    </Field>
  )
}
