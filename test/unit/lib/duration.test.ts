import { parseDurationSeconds } from '../../../src/lib/duration.ts'

describe('parseDurationSeconds', () => {
  it.each([
    ['90', 90],
    ['45s', 45],
    ['15m', 900],
    ['12h', 43200],
    ['7d', 604800],
    ['2w', 1209600],
    [' 30 m ', 1800],
  ])('reads %p as %p seconds', (input, seconds) => {
    expect(parseDurationSeconds(input)).toBe(seconds)
  })

  it.each(['', 'm', '1.5h', '-5m', '10y', 'soon'])('rejects %p', (input) => {
    expect(() => parseDurationSeconds(input)).toThrow(/is not a duration/)
  })
})
