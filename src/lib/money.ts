import { minorUnits } from './validation/money.ts'

/** An amount in minor units as the specs' decimal string: 2999 USD -> "29.99", 500 JPY -> "500". */
export function decimalAmount(minor: number, currency: string): string {
  const units = minorUnits(currency)
  return (minor / units).toFixed(Math.round(Math.log10(units)))
}

/** A decimal string ("29.99") in minor units, or null when it has more decimals than the currency. */
export function minorAmount(decimal: string, currency: string): number | null {
  const units = minorUnits(currency)
  const digits = Math.round(Math.log10(units))
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(decimal.trim())
  if (!match || (match[2]?.length ?? 0) > digits) return null
  return Number(match[1]) * units + Number((match[2] ?? '').padEnd(digits, '0') || 0)
}
