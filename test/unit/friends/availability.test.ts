import { Availability, availabilityProblem, localTime } from '../../../src/domain/friends/availability.ts'

// 2030-01-07 is a Monday.
const at = (isoTime: string) => new Date(isoTime)
const mondayNineToFive = [{ weekday: 0, start: '09:00', end: '17:00' }]

describe('localTime', () => {
  it("reads the weekday (Monday 0) and minute on the friend's wall clock", () => {
    expect(localTime(at('2030-01-07T09:30:00Z'), 'UTC')).toEqual({ weekday: 0, minute: 570 })
    // 23:30 UTC on Monday is 08:30 on Tuesday in Tokyo.
    expect(localTime(at('2030-01-07T23:30:00Z'), 'Asia/Tokyo')).toEqual({ weekday: 1, minute: 510 })
  })
})

describe('availabilityProblem', () => {
  it('accepts a slot inside a window, edges included', () => {
    expect(availabilityProblem(at('2030-01-07T09:00:00Z'), 60, mondayNineToFive, 'UTC')).toBeNull()
    expect(availabilityProblem(at('2030-01-07T16:00:00Z'), 60, mondayNineToFive, 'UTC')).toBeNull()
  })

  it('refuses a slot that runs past the window, with the hours in the reason', () => {
    expect(availabilityProblem(at('2030-01-07T16:30:00Z'), 60, mondayNineToFive, 'UTC')).toBe(
      'The friend is available on Mon only 09:00-17:00 (UTC).',
    )
  })

  it('refuses a day without windows', () => {
    expect(availabilityProblem(at('2030-01-08T10:00:00Z'), 30, mondayNineToFive, 'UTC')).toBe('The friend is not available on Tue (UTC).')
  })

  it("applies the friend's timezone", () => {
    // 09:00 in New York (UTC-5 in January) is 14:00 UTC.
    expect(availabilityProblem(at('2030-01-07T14:00:00Z'), 60, mondayNineToFive, 'America/New_York')).toBeNull()
    expect(availabilityProblem(at('2030-01-07T09:00:00Z'), 60, mondayNineToFive, 'America/New_York')).not.toBeNull()
  })

  it('allows a slot across midnight only when both days have the hours', () => {
    const evenings = [{ weekday: 0, start: '20:00', end: '24:00' }]
    expect(availabilityProblem(at('2030-01-07T23:00:00Z'), 60, evenings, 'UTC')).toBeNull()
    expect(availabilityProblem(at('2030-01-07T23:30:00Z'), 60, evenings, 'UTC')).toBe('The friend is not available on Tue (UTC).')
    const lateNights = [...evenings, { weekday: 1, start: '00:00', end: '02:00' }]
    expect(availabilityProblem(at('2030-01-07T23:30:00Z'), 60, lateNights, 'UTC')).toBeNull()
    expect(availabilityProblem(at('2030-01-07T23:30:00Z'), 180, lateNights, 'UTC')).toBe(
      'The friend is available on Tue only 00:00-02:00 (UTC).',
    )
  })

  it('refuses everything when nothing is published', () => {
    expect(availabilityProblem(at('2030-01-07T10:00:00Z'), 30, [], 'UTC')).toBe('This friend has not published any availability.')
  })
})

describe('Availability schema', () => {
  it('takes weekday 0-6 and HH:MM with end after start', () => {
    expect(Availability.safeParse([{ weekday: 6, start: '00:00', end: '24:00' }]).success).toBe(true)
    expect(Availability.safeParse([{ weekday: 7, start: '09:00', end: '10:00' }]).success).toBe(false)
    expect(Availability.safeParse([{ weekday: 1, start: '9:00', end: '10:00' }]).success).toBe(false)
    expect(Availability.safeParse([{ weekday: 1, start: '10:00', end: '09:00' }]).success).toBe(false)
  })
})
