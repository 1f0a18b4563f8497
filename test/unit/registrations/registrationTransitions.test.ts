import { canMoveRegistration, registrationStatusesBefore } from '../../../src/domain/registrations/registrationTransitions.ts'

describe('registration transitions', () => {
  it('moves a ticket forward only: used tickets stay used, cancelled ones come back only as paid', () => {
    expect(canMoveRegistration('confirmed', 'checked_in')).toBe(true)
    expect(canMoveRegistration('checked_in', 'cancelled')).toBe(false)
    expect(canMoveRegistration('checked_in', 'confirmed')).toBe(false)
    expect(canMoveRegistration('cancelled', 'pending_payment')).toBe(false)
    expect(canMoveRegistration('cancelled', 'confirmed')).toBe(true)
    expect(canMoveRegistration('waitlisted', 'checked_in')).toBe(false)
  })

  it('lists the statuses a conditional UPDATE may start from', () => {
    expect(registrationStatusesBefore('cancelled').sort()).toEqual(['confirmed', 'pending_payment', 'waitlisted'])
    expect(registrationStatusesBefore('checked_in')).toEqual(['confirmed'])
    expect(registrationStatusesBefore('confirmed').sort()).toEqual(['cancelled', 'pending_payment', 'waitlisted'])
    expect(registrationStatusesBefore('cancelled', ['pending_payment'])).toEqual(['pending_payment'])
  })

  it('refuses a caller asking for a move the table does not allow', () => {
    expect(() => registrationStatusesBefore('cancelled', ['checked_in'])).toThrow('registration cannot move from checked_in to cancelled')
    expect(() => registrationStatusesBefore('pending_payment', ['cancelled'])).toThrow()
  })
})
