import type { CollectionBeforeChangeHook } from 'payload'
import { lexicalToPlainText } from '../../src/domain/events/lexicalText.ts'

/** Keeps body_text (what search matches) equal to the text of the admin's rich-text body. */
export const syncBodyText: CollectionBeforeChangeHook = ({ data }) => {
  if ('body' in data) data.body_text = data.body ? lexicalToPlainText(data.body) : null
  return data
}
