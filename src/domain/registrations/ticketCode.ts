import { randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: codes are read aloud and typed from paper at the door. */
export const TICKET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const TICKET_PATTERN = /^INNO-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/

/** INNO- plus 8 characters drawn with a CSPRNG (31^8 ≈ 8.5e11 codes; the unique index decides). */
export function generateTicketCode(): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)]
  return `INNO-${code}`
}
