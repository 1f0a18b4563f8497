import { prefixTsquery } from '../../../../src/lib/db/fullText.ts'

describe('prefixTsquery', () => {
  it('requires every word and matches the last one as a prefix', () => {
    expect(prefixTsquery('Garden tom')).toBe("'garden' & 'tom':*")
    expect(prefixTsquery('photo')).toBe("'photo':*")
  })

  it('keeps only letters and digits, so input can never break the query syntax', () => {
    expect(prefixTsquery("it's & | ! (x) <-> 'y':*")).toBe("'it' & 's' & 'x' & 'y':*")
    expect(prefixTsquery('Überraschung 2024')).toBe("'überraschung' & '2024':*")
  })

  it('is null when nothing searchable is left, and caps the number of words', () => {
    expect(prefixTsquery(' &|!() ')).toBeNull()
    expect(prefixTsquery('a b c d e', 3)).toBe("'a' & 'b' & 'c':*")
  })
})
