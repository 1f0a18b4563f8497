import type { CollectionConfig } from 'payload'
import { announceFundingMilestones } from '../../hooks/startups/announceFundingMilestones.ts'
import { assertProjectOwner, assertProjectOwnerOnDelete } from '../../hooks/startups/assertProjectOwner.ts'
import {
  businessPlanRule,
  currentFundingRule,
  emailRule,
  existingStartup,
  fundingGoalRule,
} from '../../hooks/startups/projectValidators.ts'
import { isListedProject } from '../../src/access/isListedProject.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isStaffOrProjectOwner } from '../../src/access/isStaffOrProjectOwner.ts'
import { or } from '../../src/access/or.ts'
import { PROJECT_STATUSES } from '../../src/domain/startups/statuses.ts'

/**
 * Spec 002's projects. Spec 002's validation rules are field validators, so the admin, Payload REST,
 * GraphQL and /api/v1 refuse the same input with the same messages; a CHECK constraint backs
 * current_funding <= funding_goal. Money is numeric(14,2) in Postgres. Everyone reads listed projects
 * (not drafts, is_active); owners of the startup and staff read all of theirs and are the only ones
 * who create, change or delete them (hooks, so every interface answers 403 alike).
 */
export const Projects: CollectionConfig = {
  slug: 'projects',
  admin: { group: 'Marketplace', useAsTitle: 'title', defaultColumns: ['title', 'startup', 'status', 'funding_goal', 'current_funding'] },
  access: { read: or(isStaffOrProjectOwner(), isListedProject()), create: isLoggedIn, update: isLoggedIn, delete: isLoggedIn },
  hooks: {
    beforeChange: [assertProjectOwner],
    afterChange: [announceFundingMilestones],
    beforeDelete: [assertProjectOwnerOnDelete],
  },
  fields: [
    { name: 'startup', type: 'relationship', relationTo: 'startups', required: true, index: true, validate: existingStartup },
    { name: 'title', type: 'text', required: true, maxLength: 255 },
    { name: 'description', type: 'textarea', maxLength: 10000 },
    { name: 'status', type: 'select', options: [...PROJECT_STATUSES], defaultValue: 'draft', required: true, index: true },
    { name: 'duration', type: 'number', min: 0, admin: { description: 'Days.' } },
    { name: 'funding_goal', type: 'number', validate: fundingGoalRule, admin: { description: 'Exact decimal, 2 places.' } },
    { name: 'current_funding', type: 'number', defaultValue: 0, validate: currentFundingRule },
    { name: 'category', type: 'relationship', relationTo: 'project-categories', index: true },
    { name: 'email', type: 'email', required: true, validate: emailRule },
    { name: 'has_patents', type: 'checkbox', defaultValue: false },
    { name: 'is_participant', type: 'checkbox', defaultValue: false },
    { name: 'is_active', type: 'checkbox', defaultValue: true, index: true },
    {
      name: 'business_plan',
      type: 'upload',
      relationTo: 'files',
      validate: businessPlanRule,
      admin: { description: 'A file uploaded to Files.' },
    },
  ],
}
