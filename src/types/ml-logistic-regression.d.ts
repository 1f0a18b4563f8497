// ml-logistic-regression ships no types; this is the part of its API src/domain/ai/textClassifier.ts uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix'

  export type LogisticRegressionModel = {
    name: 'LogisticRegression'
    numSteps: number
    learningRate: number
    numberClasses: number
    classifiers: unknown[]
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number })
    /** X: one row per example; Y: a column of class indices 0..k-1. */
    train(X: Matrix, Y: Matrix): void
    predict(X: Matrix): number[]
    toJSON(): LogisticRegressionModel
    static load(model: LogisticRegressionModel): LogisticRegression
  }
}
