import { paymentStatusesBefore } from '../../../src/domain/payments/paymentTransitions.ts'

describe('payment transitions', () => {
  it('only moves forward: a success follows pending, failed or expired; a refund only follows a success', () => {
    expect(paymentStatusesBefore('succeeded').sort()).toEqual(['expired', 'failed', 'pending'])
    expect(paymentStatusesBefore('refunded')).toEqual(['succeeded'])
    expect(paymentStatusesBefore('failed')).toEqual(['pending'])
    expect(paymentStatusesBefore('pending')).toEqual([])
  })
})
