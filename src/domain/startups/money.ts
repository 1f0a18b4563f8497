/** numeric(14,2): what a money figure may be, in DRF's words. */
export function moneyProblem(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null
  if (!Number.isFinite(value)) return 'A valid number is required.'
  if (value < 0) return 'Ensure this value is greater than or equal to 0.'
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return 'Ensure that there are no more than 2 decimal places.'
  if (value >= 1e12) return 'Ensure that there are no more than 12 digits before the decimal point.'
  return null
}

/** A money figure as spec 002 shows it: "100000.00". */
export const moneyString = (value: string | number | null): string | null => (value === null ? null : Number(value).toFixed(2))
