import { CRM_PIPELINE, type CrmStage } from './statuses.ts'

const rank = (stage: CrmStage) => CRM_PIPELINE.indexOf(stage)

/** A move to an earlier stage (reopening a booking): only managers and admins may make it. */
export function isBackwardMove(from: CrmStage, to: CrmStage): boolean {
  return rank(to) < rank(from)
}
