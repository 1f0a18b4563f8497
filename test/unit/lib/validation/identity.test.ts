import { isValidTimezone, normalizePhone, normalizeUsername, urlProblem } from '../../../../src/lib/validation/identity.ts'

describe('identity normalisation and validation', () => {
  it('normalises phones to E.164 input', () => {
    expect(normalizePhone(' +1 (415) 555-0123 ')).toBe('+14155550123')
    expect(normalizePhone('0033 6 12 34 56 78')).toBe('+33612345678')
  })
  it('lowercases usernames', () => expect(normalizeUsername('  JohnDoe ')).toBe('johndoe'))
  it('knows IANA time zones', () => {
    expect(isValidTimezone('Europe/Paris')).toBe(true)
    expect(isValidTimezone('UTC')).toBe(true)
    expect(isValidTimezone('Mars/Olympus')).toBe(false)
  })
  it('checks profile URLs, by site where the field names one', () => {
    expect(urlProblem('https://linkedin.com/in/x', 'linkedin_url')).toBeNull()
    expect(urlProblem('https://www.linkedin.com/in/x', 'linkedin_url')).toBeNull()
    expect(urlProblem('https://evil-linkedin.com/in/x', 'linkedin_url')).toBe('Enter a linkedin.com URL.')
    expect(urlProblem('ftp://example.com')).toBe('Enter an http(s) URL.')
    expect(urlProblem('not a url')).toBe('Enter a valid URL.')
  })
})
