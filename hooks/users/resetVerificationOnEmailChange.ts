import type { FieldHook } from 'payload'

/** A new email address is unverified until its owner confirms it (field hook on is_verified). */
export const resetVerificationOnEmailChange: FieldHook = ({ value, data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !data?.email || !originalDoc || data.email === originalDoc.email) return value
  // Staff changing someone's email may also set is_verified explicitly in the same change.
  if (req.context.keepVerification) return value
  return false
}
