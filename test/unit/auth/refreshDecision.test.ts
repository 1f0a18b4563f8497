import { decideRefresh } from '../../../src/domain/auth/refreshDecision.ts'

const now = new Date('2026-01-01T12:00:00Z')
const at = (secondsFromNow: number) => new Date(now.getTime() + secondsFromNow * 1000)
const token = (overrides: Partial<Parameters<typeof decideRefresh>[0]> = {}) => ({
  revoked_at: null,
  revoked_reason: null,
  expires_at: at(3600),
  family_expires_at: at(86400),
  ...overrides,
})

describe('decideRefresh', () => {
  it('rotates a live token', () => expect(decideRefresh(token(), now, 10)).toBe('rotate'))
  it('refuses an expired token', () => expect(decideRefresh(token({ expires_at: at(-1) }), now, 10)).toBe('expired'))
  it('refuses any token of a family past its lifetime, even just rotated', () => {
    expect(decideRefresh(token({ family_expires_at: at(-1), revoked_at: at(-1), revoked_reason: 'rotated' }), now, 10)).toBe('expired')
  })
  it('gives a sibling to a token rotated within the grace window (racing tabs)', () => {
    expect(decideRefresh(token({ revoked_at: at(-10), revoked_reason: 'rotated' }), now, 10)).toBe('grace')
  })
  it('treats a rotated token presented after the window as reuse', () => {
    expect(decideRefresh(token({ revoked_at: at(-10.001), revoked_reason: 'rotated' }), now, 10)).toBe('reuse')
  })
  it.each(['logout', 'reuse_detected', 'password_reset'])('refuses a token revoked by %s without calling it reuse', (reason) => {
    expect(decideRefresh(token({ revoked_at: at(-1), revoked_reason: reason }), now, 10)).toBe('revoked')
  })
})
