import type { CollectionConfig } from 'payload'
import { assertUpdateAuthor, setUpdateAuthor } from '../../hooks/startups/projectUpdateAuthor.ts'
import { notifyFollowersOfUpdate } from '../../hooks/startups/notifyFollowersOfUpdate.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isStaffOrProjectOwner } from '../../src/access/isStaffOrProjectOwner.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { isListedProject } from '../../src/access/isListedProject.ts'

/**
 * News a startup posts about a project. Only the project's owners (or staff) post; every active
 * follower is notified (project_update) when one is created, whichever interface created it.
 */
export const ProjectUpdates: CollectionConfig = {
  slug: 'project-updates',
  // 'ProjectUpdate' would collide with the projects collection's update input type (mutationProjectUpdateInput).
  graphQL: { singularName: 'ProjectUpdateEntry', pluralName: 'ProjectUpdateEntries' },
  admin: { group: 'Marketplace', useAsTitle: 'title', defaultColumns: ['title', 'project', 'created_by', 'createdAt'] },
  access: {
    read: or(isStaffOrProjectOwner('project.startup.owners'), isListedProject('project.')),
    create: isLoggedIn,
    update: isStaffOrProjectOwner('project.startup.owners'),
    delete: isStaffOrProjectOwner('project.startup.owners'),
  },
  hooks: { beforeChange: [assertUpdateAuthor, setUpdateAuthor], afterChange: [notifyFollowersOfUpdate] },
  fields: [
    { name: 'project', type: 'relationship', relationTo: 'projects', required: true, index: true, access: { update: nobody } },
    { name: 'title', type: 'text', required: true, maxLength: 255 },
    { name: 'body', type: 'textarea', required: true, maxLength: 20000 },
    {
      name: 'created_by',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true },
      access: { create: nobody, update: nobody },
    },
  ],
}
