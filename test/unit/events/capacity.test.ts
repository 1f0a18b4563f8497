import { isFull, spotsRemaining } from '../../../src/domain/events/capacity.ts'

describe('capacity', () => {
  it('counts spots left, none for unlimited events', () => {
    expect(spotsRemaining(10, 3)).toBe(7)
    expect(spotsRemaining(10, 12)).toBe(0)
    expect(spotsRemaining(0, 500)).toBeNull()
  })
  it('knows when an event is full', () => {
    expect(isFull(2, 2)).toBe(true)
    expect(isFull(2, 1)).toBe(false)
    expect(isFull(0, 10_000)).toBe(false)
  })
})
