import { lexicalToPlainText, plainTextToLexical } from '../../../src/domain/events/lexicalText.ts'

describe('plain text <-> Lexical', () => {
  it('round-trips paragraphs and line breaks', () => {
    const text = 'Annual hackathon.\nBring a laptop.\n\nFood provided.'
    expect(lexicalToPlainText(plainTextToLexical(text))).toBe(text)
  })
  it('drops empty paragraphs', () => {
    expect(plainTextToLexical('\n\n\nOnly\n\n\n').root.children).toHaveLength(1)
  })
})
