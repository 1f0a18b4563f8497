import type { CollectionConfig, Field } from 'payload'
import { anyone } from '../../src/access/anyone.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isStaffField } from '../../src/access/isStaffField.ts'
import type { CompanyTable } from '../../src/domain/startups/companyRecords.ts'
import { addCreatorAsOwner } from './addCreatorAsOwner.ts'
import { assertCompanyOwner, assertCompanyOwnerOnDelete } from './assertCompanyOwner.ts'
import { grantCompanyRole } from './grantCompanyRole.ts'
import { optionalUrl, readableUpload, uniqueCompanyName } from './companyValidators.ts'

/**
 * What startups and investors (spec 002's two company profiles) share: anyone reads them; a signed-in
 * user who creates one becomes its owner and holds the `role`; only owners and staff change or delete it
 * (a hook, so every interface answers the same 403); and the first fields, the logo named `logoField`.
 */
export function companyProfile(
  table: CompanyTable,
  role: 'startup' | 'investor',
  logoField: string,
): Pick<CollectionConfig, 'access' | 'hooks'> & { fields: Field[] } {
  return {
    access: { read: anyone, create: isLoggedIn, update: isLoggedIn, delete: isLoggedIn },
    hooks: {
      beforeChange: [assertCompanyOwner(table), addCreatorAsOwner],
      afterChange: [grantCompanyRole(role)],
      beforeDelete: [assertCompanyOwnerOnDelete(table)],
    },
    fields: [
      { name: 'company_name', type: 'text', required: true, maxLength: 255, validate: uniqueCompanyName(table) },
      { name: 'description', type: 'textarea', required: true, maxLength: 10000 },
      { name: 'website', type: 'text', maxLength: 500, validate: optionalUrl },
      {
        name: logoField,
        type: 'upload',
        relationTo: 'media',
        validate: readableUpload('media'),
        admin: { description: 'An image uploaded to Media.' },
      },
      { name: 'owners', type: 'relationship', relationTo: 'users', hasMany: true, index: true, access: { update: isStaffField } },
    ],
  }
}
