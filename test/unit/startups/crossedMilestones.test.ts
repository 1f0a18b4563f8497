import { crossedMilestones } from '../../../src/domain/startups/announcements.ts'
import { moneyProblem } from '../../../src/domain/startups/money.ts'

describe('crossedMilestones', () => {
  const goal = 1000
  it.each([
    [0, 250, [25]],
    [0, 1000, [25, 50, 75, 100]],
    [249.99, 250, [25]],
    [250, 400, []],
    [400, 100, []],
    [300, 760, [50, 75]],
  ])('from %p to %p of 1000 crosses %p', (before, after, expected) => {
    expect(crossedMilestones({ current: before, goal }, { current: after, goal })).toEqual(expected)
  })

  it('has none without a positive goal', () => {
    expect(crossedMilestones({ current: 0, goal: null }, { current: 500, goal: null })).toEqual([])
    expect(crossedMilestones({ current: 0, goal: 0 }, { current: 500, goal: 0 })).toEqual([])
  })
})

describe('moneyProblem', () => {
  it.each([
    [100000, null],
    [0.1, null],
    [10.25, null],
    [null, null],
    [-1, 'Ensure this value is greater than or equal to 0.'],
    [1.005, 'Ensure that there are no more than 2 decimal places.'],
    [1e12, 'Ensure that there are no more than 12 digits before the decimal point.'],
  ])('%p -> %p', (value, expected) => {
    expect(moneyProblem(value)).toBe(expected)
  })
})
