import { z } from 'zod'
import { RequestValidationError } from '../../lib/errors.ts'
import type { Example } from './textClassifier.ts'

const Examples = z.union([
  z.object({
    examples: z
      .array(z.object({ text: z.string().min(1).max(10_000), label: z.string().min(1).max(100) }))
      .min(4)
      .max(20_000),
  }),
  z
    .object({ texts: z.array(z.string().min(1).max(10_000)).min(4).max(20_000), labels: z.array(z.string().min(1).max(100)) })
    .refine((data) => data.texts.length === data.labels.length, 'texts and labels must have the same length'),
])

/** training_data as `{examples: [{text, label}]}` or `{texts: [...], labels: [...]}`, with at least two labels. */
export function parseTrainingData(data: unknown): Example[] {
  const parsed = Examples.safeParse(data)
  if (!parsed.success) {
    throw new RequestValidationError({
      training_data: ['Give {examples: [{text, label}, ...]} (at least 4) or {texts: [...], labels: [...]}.'],
    })
  }
  const given = parsed.data
  const examples = 'examples' in given ? given.examples : given.texts.map((text, i) => ({ text, label: given.labels[i] }))
  if (new Set(examples.map((example) => example.label)).size < 2)
    throw new RequestValidationError({ training_data: ['At least two labels are needed.'] })
  return examples
}
