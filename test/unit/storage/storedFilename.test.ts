import { cleanOriginalName, storedFilename } from '../../../src/domain/storage/storedFilename.ts'

describe('storedFilename', () => {
  it('is a UUID with the detected extension, whatever the original name says', () => {
    expect(storedFilename('movie.exe', 'mp4')).toMatch(/^[0-9a-f-]{36}\.mp4$/)
    expect(storedFilename('notes.TXT', null)).toMatch(/^[0-9a-f-]{36}\.txt$/)
    expect(storedFilename('weird.ext with space', null)).toMatch(/^[0-9a-f-]{36}$/)
    expect(storedFilename('a.mp4', 'mp4')).not.toBe(storedFilename('a.mp4', 'mp4'))
  })
})

describe('cleanOriginalName', () => {
  it('drops paths and control characters and keeps Unicode', () => {
    expect(cleanOriginalName('C:\\Users\\me\\Résumé.pdf')).toBe('Résumé.pdf')
    expect(cleanOriginalName('../../etc/passwd')).toBe('passwd')
    expect(cleanOriginalName('bad\u0000na\u001fme.txt')).toBe('badname.txt')
    expect(cleanOriginalName('')).toBe('upload')
    expect(cleanOriginalName('x'.repeat(300))).toHaveLength(255)
  })
})
