import { safeCell } from '../../../src/domain/registrations/attendees.ts'

describe('safeCell', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['Ada Lovelace', 'Ada Lovelace'],
    [null, ''],
    [42, '42'],
  ])('writes %p as %p', (input, output) => expect(safeCell(input)).toBe(output))
})
