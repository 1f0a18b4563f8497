/** What a room is: spec 002's investor<->startup room, a group, or spec 001's live chat of one session. */
export const ROOM_KINDS = ['private', 'group', 'session'] as const
export type RoomKind = (typeof ROOM_KINDS)[number]

/** spec 003's message_type. */
export const MESSAGE_TYPES = ['text', 'image', 'file', 'system'] as const
export type MessageType = (typeof MESSAGE_TYPES)[number]

/** What staff did to a message (every change of `hidden` is logged). */
export const MODERATION_ACTIONS = ['hide', 'unhide'] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

/** Longest message text (characters), stored verbatim. */
export const MAX_MESSAGE_LENGTH = 5000
