import { isLateCancellation, sessionPriceCents } from '../../../src/domain/sessions/sessionRules.ts'

describe('session rules', () => {
  it('prices a session from the hourly rate, to the cent', () => {
    expect(sessionPriceCents(2999, 60)).toBe(2999)
    expect(sessionPriceCents(2999, 30)).toBe(1500)
    expect(sessionPriceCents(2000, 45)).toBe(1500)
    expect(sessionPriceCents(0, 240)).toBe(0)
  })

  it('calls a cancellation late within 24 hours of the start', () => {
    const start = new Date('2030-01-10T12:00:00Z')
    expect(isLateCancellation(start, new Date('2030-01-09T11:59:59Z'))).toBe(false)
    expect(isLateCancellation(start, new Date('2030-01-09T12:00:00Z'))).toBe(false)
    expect(isLateCancellation(start, new Date('2030-01-09T12:00:01Z'))).toBe(true)
  })
})
