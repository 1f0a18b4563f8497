const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))

/** ISO 4217 codes the runtime knows (USD, EUR, CNY...), upper case. */
export function isCurrency(value: string): boolean {
  return CURRENCIES.has(value)
}

const units = new Map<string, number>()

/** Minor units per unit for a currency (100 for USD, 1 for JPY), per Intl; memoised (formatters are costly). */
export function minorUnits(currency: string): number {
  let found = units.get(currency)
  if (found === undefined) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    found = 10 ** digits
    units.set(currency, found)
  }
  return found
}
