import { compatibilityScore } from '../../../src/domain/matches/compatibility.ts'

const person = (interests?: string[], communication_style?: string, availability?: string[]) => ({
  interests,
  communication_style,
  availability,
})

describe('compatibilityScore', () => {
  it('ranks overlapping interests above disjoint ones, all else equal', () => {
    const user = person(['technology', 'music', 'hiking'], 'friendly', ['evenings'])
    const overlapping = person(['Music', ' hiking ', 'cooking'], 'friendly', ['evenings'])
    const disjoint = person(['knitting', 'chess'], 'friendly', ['evenings'])
    expect(compatibilityScore(user, overlapping)).toBeGreaterThan(compatibilityScore(user, disjoint))
  })

  it('orders a list of friends by how much they share', () => {
    const user = person(['a', 'b', 'c', 'd'], 'calm', ['mornings', 'weekends'])
    const friends = {
      none: person(['x', 'y'], 'direct', ['nights']),
      some: person(['a', 'x'], 'calm', ['mornings']),
      most: person(['a', 'b', 'c'], 'calm', ['mornings', 'weekends']),
      all: person(['a', 'b', 'c', 'd'], 'calm', ['mornings', 'weekends']),
    }
    const ranked = Object.entries(friends)
      .sort(([, a], [, b]) => compatibilityScore(user, b) - compatibilityScore(user, a))
      .map(([name]) => name)
    expect(ranked).toEqual(['all', 'most', 'some', 'none'])
  })

  it('scores identical people 100 and complete opposites 0', () => {
    const user = person(['a'], 'friendly', ['evenings'])
    expect(compatibilityScore(user, person(['A'], 'Friendly', ['evenings']))).toBe(100)
    expect(compatibilityScore(user, person(['b'], 'formal', ['mornings']))).toBe(0)
  })

  it('treats missing data as neutral: between a known match and a known mismatch', () => {
    const user = person(['a'], 'friendly', ['evenings'])
    const unknown = compatibilityScore(user, {})
    expect(unknown).toBe(40)
    expect(unknown).toBeLessThan(compatibilityScore(user, person(['a'], 'friendly', ['evenings'])))
    expect(unknown).toBeGreaterThan(compatibilityScore(user, person(['b'], 'formal', ['mornings'])))
  })

  it('survives junk personality_data and stays within 0-100', () => {
    for (const junk of [null, undefined, 42, 'text', [], { interests: 'music' }, { interests: [1, null] }]) {
      const score = compatibilityScore(junk, { interests: ['music'] })
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(100)
    }
  })

  it('is symmetric', () => {
    const a = person(['a', 'b'], 'calm', ['mornings'])
    const b = person(['b', 'c', 'd'], 'calm')
    expect(compatibilityScore(a, b)).toBe(compatibilityScore(b, a))
  })
})
