import type { CollectionConfig } from 'payload'
import { addCreatorAsOwner } from '../../hooks/startups/addCreatorAsOwner.ts'
import { assertCompanyOwner, assertCompanyOwnerOnDelete } from '../../hooks/startups/assertCompanyOwner.ts'
import { grantCompanyRole } from '../../hooks/startups/grantCompanyRole.ts'
import { optionalUrl, readableUpload, ticketSizeMax, uniqueCompanyName } from '../../hooks/startups/companyValidators.ts'
import { anyone } from '../../src/access/anyone.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isStaffField } from '../../src/access/isStaffField.ts'

/** Spec 002's investors: the same ownership rules as startups; owners hold the investor role. */
export const Investors: CollectionConfig = {
  slug: 'investors',
  admin: {
    group: 'Marketplace',
    useAsTitle: 'company_name',
    defaultColumns: ['company_name', 'investment_focus', 'contact_email', 'updatedAt'],
  },
  access: { read: anyone, create: isLoggedIn, update: isLoggedIn, delete: isLoggedIn },
  hooks: {
    beforeChange: [assertCompanyOwner('investors'), addCreatorAsOwner],
    afterChange: [grantCompanyRole('investor')],
    beforeDelete: [assertCompanyOwnerOnDelete('investors')],
  },
  fields: [
    { name: 'company_name', type: 'text', required: true, maxLength: 255, validate: uniqueCompanyName('investors') },
    { name: 'description', type: 'textarea', required: true, maxLength: 10000 },
    { name: 'website', type: 'text', maxLength: 500, validate: optionalUrl },
    {
      name: 'logo',
      type: 'upload',
      relationTo: 'media',
      validate: readableUpload('media'),
      admin: { description: 'An image uploaded to Media.' },
    },
    { name: 'owners', type: 'relationship', relationTo: 'users', hasMany: true, index: true, access: { update: isStaffField } },
    { name: 'contact_email', type: 'email' },
    { name: 'investment_focus', type: 'text', maxLength: 255 },
    { name: 'ticket_size_min', type: 'number', min: 0 },
    { name: 'ticket_size_max', type: 'number', min: 0, validate: ticketSizeMax },
  ],
}
