import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

/** The text of a Lexical document, paragraphs separated by blank lines. */
export function lexicalToPlainText(state: unknown): string {
  return convertLexicalToPlaintext({ data: state as SerializedEditorState }).trim()
}

/** A Lexical document holding `text`, one paragraph per blank-line-separated block (API input). */
export function plainTextToLexical(text: string) {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      children: paragraphs.map((block) => ({
        type: 'paragraph',
        version: 1,
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: block
          .split('\n')
          .flatMap((line, index) => [
            ...(index > 0 ? [{ type: 'linebreak', version: 1 }] : []),
            { type: 'text', version: 1, text: line, format: 0, style: '', mode: 'normal', detail: 0 },
          ]),
      })),
    },
  }
}
