import type { CollectionConfig } from 'payload'
import { addCreatorAsOwner } from '../../hooks/startups/addCreatorAsOwner.ts'
import { assertCompanyOwner, assertCompanyOwnerOnDelete } from '../../hooks/startups/assertCompanyOwner.ts'
import { grantCompanyRole } from '../../hooks/startups/grantCompanyRole.ts'
import { optionalUrl, readableUpload, uniqueCompanyName } from '../../hooks/startups/companyValidators.ts'
import { anyone } from '../../src/access/anyone.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isStaffField } from '../../src/access/isStaffField.ts'

/**
 * Spec 002's startup profiles. Anyone reads them; a signed-in user who creates one becomes its owner
 * (and holds the startup role); only owners and staff change or delete it (a hook, so every interface
 * answers the same 403). company_name is unique case-insensitively (a validator for the message, a
 * unique index on lower(company_name) for races).
 */
export const Startups: CollectionConfig = {
  slug: 'startups',
  admin: {
    group: 'Marketplace',
    useAsTitle: 'company_name',
    defaultColumns: ['company_name', 'industry', 'stage', 'location', 'updatedAt'],
  },
  access: { read: anyone, create: isLoggedIn, update: isLoggedIn, delete: isLoggedIn },
  hooks: {
    beforeChange: [assertCompanyOwner('startups'), addCreatorAsOwner],
    afterChange: [grantCompanyRole('startup')],
    beforeDelete: [assertCompanyOwnerOnDelete('startups')],
  },
  fields: [
    { name: 'company_name', type: 'text', required: true, maxLength: 255, validate: uniqueCompanyName('startups') },
    { name: 'description', type: 'textarea', required: true, maxLength: 10000 },
    { name: 'website', type: 'text', maxLength: 500, validate: optionalUrl },
    {
      name: 'startup_logo',
      type: 'upload',
      relationTo: 'media',
      validate: readableUpload('media'),
      admin: { description: 'An image uploaded to Media.' },
    },
    { name: 'owners', type: 'relationship', relationTo: 'users', hasMany: true, index: true, access: { update: isStaffField } },
    { name: 'industry', type: 'text', maxLength: 100, index: true },
    { name: 'stage', type: 'text', maxLength: 100, index: true },
    { name: 'location', type: 'text', maxLength: 255 },
  ],
}
