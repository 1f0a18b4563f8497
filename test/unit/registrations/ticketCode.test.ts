import { TICKET_PATTERN, generateTicketCode } from '../../../src/domain/registrations/ticketCode.ts'

describe('generateTicketCode', () => {
  it('makes INNO- codes from the unambiguous alphabet', () => {
    const codes = Array.from({ length: 2000 }, generateTicketCode)
    for (const code of codes) expect(code).toMatch(TICKET_PATTERN)
    expect(codes.map((code) => code.slice(5)).join('')).not.toMatch(/[01ILO]/)
  })
  it('does not repeat in practice', () => {
    expect(new Set(Array.from({ length: 5000 }, generateTicketCode)).size).toBe(5000)
  })
})
