const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))

/** ISO 4217 codes the runtime knows (USD, EUR, CNY...), upper case. */
export function isCurrency(value: string): boolean {
  return CURRENCIES.has(value)
}

/** Minor units per unit for a currency (100 for USD, 1 for JPY), per Intl. */
export function minorUnits(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return 10 ** digits
}
