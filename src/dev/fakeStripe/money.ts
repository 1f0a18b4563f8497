/** `2500, 'usd'` → `$25.00`; zero-decimal currencies (jpy, krw, …) are not divided, as in Stripe's amounts. */
export function formatAmount(amount: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() })
    return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2))
  } catch {
    return `${amount} ${currency}` // not an ISO currency code
  }
}
