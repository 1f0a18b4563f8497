import { decimalAmount, minorAmount } from '../../../src/lib/money.ts'

describe('money', () => {
  it('formats minor units as the decimal string of the currency', () => {
    expect(decimalAmount(2999, 'USD')).toBe('29.99')
    expect(decimalAmount(500, 'JPY')).toBe('500')
    expect(decimalAmount(0, 'EUR')).toBe('0.00')
  })

  it('parses decimal strings, refusing more decimals than the currency has', () => {
    expect(minorAmount('29.99', 'USD')).toBe(2999)
    expect(minorAmount('29.9', 'USD')).toBe(2990)
    expect(minorAmount('30', 'USD')).toBe(3000)
    expect(minorAmount('29.999', 'USD')).toBeNull()
    expect(minorAmount('500', 'JPY')).toBe(500)
    expect(minorAmount('5.5', 'JPY')).toBeNull()
    expect(minorAmount('-1', 'USD')).toBeNull()
  })
})
