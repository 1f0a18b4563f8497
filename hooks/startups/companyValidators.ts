import type { CollectionSlug, NumberFieldSingleValidation, TextFieldSingleValidation, UploadFieldValidation } from 'payload'
import { text } from 'payload/shared'
import { companyIdByName, type CompanyTable } from '../../src/domain/startups/companyRecords.ts'
import { uploadVisibleTo } from '../../src/domain/startups/uploadVisibleTo.ts'
import { urlProblem } from '../../src/lib/validation/identity.ts'

const LABEL: Record<CompanyTable, string> = { startups: 'startup', investors: 'investor' }

/** Required, and unique ignoring case (the message; the unique index on lower(company_name) closes races). */
export const uniqueCompanyName =
  (table: CompanyTable): TextFieldSingleValidation =>
  async (value, options) => {
    const basic = await text(value, options)
    if (basic !== true) return basic
    if (typeof value !== 'string' || value.trim() === '') return 'This field is required.'
    const id = typeof options.id === 'number' ? options.id : Number(options.id ?? 0)
    if (await companyIdByName(options.req, table, value, id || undefined)) return `${LABEL[table]} with this company name already exists.`
    return true
  }

export const optionalUrl: TextFieldSingleValidation = (value) => (!value ? true : (urlProblem(value) ?? true))

/** The top of the ticket range is not below its bottom. */
export const ticketSizeMax: NumberFieldSingleValidation = (value, { siblingData }) => {
  const min = (siblingData as { ticket_size_min?: number | null }).ticket_size_min
  if (value == null || min == null) return true
  return value >= min ? true : 'The maximum ticket size must not be below the minimum.'
}

/** An upload the caller may read (their own, or any for staff), so nobody attaches someone else's file. */
export const readableUpload =
  (collection: CollectionSlug): UploadFieldValidation =>
  async (value, { req }) => {
    if (value === null || value === undefined || value === '') return true
    const id = typeof value === 'object' && value !== null && 'id' in value ? Number(value.id) : Number(value)
    if (!Number.isInteger(id) || id <= 0) return `Incorrect type. Expected pk value, received ${typeof value}.`
    return (await uploadVisibleTo(req, collection, id)) ? true : `Invalid pk "${id}" - object does not exist.`
  }
