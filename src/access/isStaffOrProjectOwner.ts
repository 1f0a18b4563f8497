import type { Access } from 'payload'
import { isOwner } from './isOwner.ts'
import { isStaff } from './isStaff.ts'
import { or } from './or.ts'

/** Staff, or an owner of the startup the project (at `path`) belongs to. */
export const isStaffOrProjectOwner = (path = 'startup.owners'): Access => or(isStaff, isOwner(path))
