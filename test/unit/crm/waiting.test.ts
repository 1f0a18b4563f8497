import { isWaitingTooLong } from '../../../src/domain/crm/waiting.ts'

describe('bookings waiting too long', () => {
  const now = new Date('2030-01-02T12:00:00Z')

  it('flags a booking still new more than 24 hours after it arrived', () => {
    expect(isWaitingTooLong({ crm_status: 'new', received_at: '2030-01-01T11:59:59Z' }, now)).toBe(true)
    expect(isWaitingTooLong({ crm_status: 'new', received_at: '2030-01-01T12:00:00Z' }, now)).toBe(false)
  })

  it('does not flag a booking someone has moved on, or one without an arrival time', () => {
    expect(isWaitingTooLong({ crm_status: 'reviewed', received_at: '2029-12-01T00:00:00Z' }, now)).toBe(false)
    expect(isWaitingTooLong({ crm_status: 'new', received_at: null }, now)).toBe(false)
  })
})
