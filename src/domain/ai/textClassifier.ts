import LogisticRegression, { type LogisticRegressionModel } from 'ml-logistic-regression'
import { Matrix } from 'ml-matrix'

export type Example = { text: string; label: string }

/** A fitted classifier as stored in ai-models.model: the TF-IDF vocabulary and the regression's weights. */
export type StoredClassifier = { vocabulary: string[]; idf: number[]; labels: string[]; regression: LogisticRegressionModel }

export type TrainingOutcome = { classifier: StoredClassifier; accuracy: number; trainSize: number; testSize: number }

const MAX_VOCABULARY = 2000

export const tokenize = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** L2-normalised TF-IDF rows over the vocabulary. */
function features(texts: string[], vocabulary: string[], idf: number[]): Matrix {
  const index = new Map(vocabulary.map((word, i) => [word, i]))
  return new Matrix(
    texts.map((text) => {
      const row = new Array<number>(vocabulary.length).fill(0)
      for (const token of tokenize(text)) {
        const i = index.get(token)
        if (i !== undefined) row[i] += idf[i]
      }
      const norm = Math.hypot(...row) || 1
      return row.map((value) => value / norm)
    }),
  )
}

/** Vocabulary (most frequent documents first) and smoothed IDF, fitted on the training texts only. */
function fitVocabulary(texts: string[]): { vocabulary: string[]; idf: number[] } {
  const documentFrequency = new Map<string, number>()
  for (const text of texts)
    for (const token of new Set(tokenize(text))) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1)
  const vocabulary = [...documentFrequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_VOCABULARY)
    .map(([word]) => word)
  const idf = vocabulary.map((word) => Math.log((1 + texts.length) / (1 + (documentFrequency.get(word) ?? 0))) + 1)
  return { vocabulary, idf }
}

/** Every fifth example of each label is held out (at least one per label), so the split is stratified and repeatable. */
export function splitExamples(examples: Example[]): { train: Example[]; test: Example[] } {
  const seen = new Map<string, number>()
  const train: Example[] = []
  const test: Example[] = []
  for (const example of examples) {
    const n = seen.get(example.label) ?? 0
    seen.set(example.label, n + 1)
    ;(n % 5 === 4 || n === 1 ? test : train).push(example)
  }
  return { train, test }
}

/** Trains TF-IDF + one-vs-all logistic regression (ml-logistic-regression) and measures accuracy on the held-out split. */
export function trainTextClassifier(examples: Example[], options: { steps: number; learningRate: number }): TrainingOutcome {
  const { train, test } = splitExamples(examples)
  const labels = [...new Set(examples.map((example) => example.label))].sort()
  const { vocabulary, idf } = fitVocabulary(train.map((example) => example.text))
  const regression = new LogisticRegression({ numSteps: options.steps, learningRate: options.learningRate })
  regression.train(
    features(
      train.map((example) => example.text),
      vocabulary,
      idf,
    ),
    Matrix.columnVector(train.map((example) => labels.indexOf(example.label))),
  )
  // Through JSON, exactly as it is stored, so the accuracy is that of the stored model.
  const classifier: StoredClassifier = JSON.parse(JSON.stringify({ vocabulary, idf, labels, regression }))
  const predicted = classify(
    classifier,
    test.map((example) => example.text),
  )
  const correct = predicted.filter((label, i) => label === test[i].label).length
  return { classifier, accuracy: test.length > 0 ? correct / test.length : 0, trainSize: train.length, testSize: test.length }
}

/** The label of each text. */
export function classify(classifier: StoredClassifier, texts: string[]): string[] {
  const regression = LogisticRegression.load(classifier.regression)
  return regression.predict(features(texts, classifier.vocabulary, classifier.idf)).map((index) => classifier.labels[index])
}
