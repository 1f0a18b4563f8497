import { passwordProblems } from '../../../src/domain/auth/passwordPolicy.ts'

describe('passwordProblems', () => {
  it.each(['securepassword123', 'correct horse battery staple', 'Tr0ub4dor&3x!'])('accepts %p', (password) => {
    expect(passwordProblems(password, ['ada@example.com', 'ada'])).toEqual([])
  })
  it('refuses short, long, common, numeric and name-like passwords', () => {
    expect(passwordProblems('short1')).toEqual(['This password is too short. It must contain at least 8 characters.'])
    expect(passwordProblems('x'.repeat(129))).toEqual(['This password is too long. It may contain at most 128 characters.'])
    expect(passwordProblems('Password123')).toEqual(['This password is too common.'])
    expect(passwordProblems('19691969')).toEqual(['This password is entirely numeric.'])
    expect(passwordProblems('grace.hopper!!', ['grace.hopper@navy.mil'])).toEqual([
      'This password is too similar to the account name or email.',
    ])
  })
  it('ignores identifiers too short to matter', () => {
    expect(passwordProblems('abcdefgh-long-enough', ['ab'])).toEqual([])
  })
})
