import type { EmailFieldValidation, NumberFieldSingleValidation, RelationshipFieldSingleValidation, UploadFieldValidation } from 'payload'
import { extractID, number, relationship } from 'payload/shared'
import { companyExists } from '../../src/domain/startups/companyRecords.ts'
import { moneyProblem } from '../../src/domain/startups/money.ts'
import { readableUpload } from './companyValidators.ts'

/**
 * Spec 002's project rules, one message each, shared by every interface (validators run on the admin's
 * form, Payload REST, GraphQL and the Local API /api/v1 calls). `siblingData` is the whole project as
 * it will be saved (on update, the stored values merged with the change).
 */
type ProjectDraft = { is_participant?: boolean | null; funding_goal?: number | null; status?: string | null }

export const MESSAGES = {
  fundingGoalRequired: 'Funding goal is required when the project is a participant (is_participant).',
  fundingExceedsGoal: 'Current funding must not exceed the funding goal.',
  invalidEmail: 'Enter a valid email address.',
  businessPlanRequired: 'A business plan is required when the project is completed.',
}

/** Must name an existing startup. */
export const existingStartup: RelationshipFieldSingleValidation = async (value, options) => {
  const basic = await relationship(value, options)
  if (basic !== true) return basic
  if (value === null || value === undefined) return 'This field is required.'
  const id = Number(typeof value === 'object' && 'value' in value ? value.value : extractID(value))
  if (!Number.isInteger(id) || id <= 0 || !(await companyExists(options.req, 'startups', id)))
    return `Invalid pk "${String(id)}" - object does not exist.`
  return true
}

export const fundingGoalRule: NumberFieldSingleValidation = async (value, options) => {
  const basic = await number(value, options)
  if (basic !== true) return basic
  if ((options.siblingData as ProjectDraft).is_participant && (value === null || value === undefined)) return MESSAGES.fundingGoalRequired
  return moneyProblem(value) ?? true
}

export const currentFundingRule: NumberFieldSingleValidation = async (value, options) => {
  const basic = await number(value, options)
  if (basic !== true) return basic
  const problem = moneyProblem(value)
  if (problem) return problem
  const goal = (options.siblingData as ProjectDraft).funding_goal
  if (goal !== null && goal !== undefined && value !== null && value !== undefined && value > goal) return MESSAGES.fundingExceedsGoal
  return true
}

/** Required and valid, with DRF's two messages (Payload's email check says "valid" for a missing one too). */
export const emailRule: EmailFieldValidation = (value) => {
  if (typeof value !== 'string' || value.trim() === '') return 'This field is required.'
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254 ? true : MESSAGES.invalidEmail
}

const readableFile = readableUpload('files')

export const businessPlanRule: UploadFieldValidation = async (value, options) => {
  const missing = value === null || value === undefined || value === ''
  if (missing && (options.siblingData as ProjectDraft).status === 'completed') return MESSAGES.businessPlanRequired
  return readableFile(value, options)
}
