import type { CollectionBeforeChangeHook } from 'payload'
import { lexicalToPlainText } from '../../src/domain/events/lexicalText.ts'

/** Keeps description_text (API output, search) equal to the rich-text description's text. */
export const syncDescriptionText: CollectionBeforeChangeHook = ({ data }) => {
  if ('description' in data) data.description_text = data.description ? lexicalToPlainText(data.description) : null
  return data
}
