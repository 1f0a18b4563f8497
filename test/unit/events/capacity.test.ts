import { isFull, overlaps, spotsRemaining } from '../../../src/domain/events/capacity.ts'

const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour))

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
  it('detects overlapping times, not touching ones', () => {
    expect(overlaps({ start: at(9), end: at(11) }, { start: at(10), end: at(12) })).toBe(true)
    expect(overlaps({ start: at(9), end: at(12) }, { start: at(10), end: at(11) })).toBe(true)
    expect(overlaps({ start: at(9), end: at(10) }, { start: at(10), end: at(11) })).toBe(false)
  })
})
