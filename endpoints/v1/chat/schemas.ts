import { z } from 'zod'
import { MAX_MESSAGE_LENGTH, MESSAGE_TYPES, ROOM_KINDS } from '../../../src/domain/chat/statuses.ts'
import { limitParam, skipParam } from '../items/schemas.ts'

/** 1..5000 characters (code points, as Postgres counts them), stored verbatim: no trimming. */
const messageText = z
  .string()
  .refine((text) => [...text].length >= 1 && [...text].length <= MAX_MESSAGE_LENGTH, `Enter 1 to ${MAX_MESSAGE_LENGTH} characters.`)
const email = z.string().trim().min(3).max(254)
const roomName = z.string().trim().min(1).max(255)

export const CreateConversationBody = z.object({ name: roomName, participants: z.array(email).max(50) })

export const PrivateMessageBody = z.object({
  room_name: roomName,
  /** Optional: the sender is always the caller; another address is refused with 403. */
  sender_email: email.optional(),
  receiver_email: email,
  text: messageText,
})

export const RoomNameParams = z.object({ room_name: roomName })
export const RoomRefParams = z.object({ room_id: z.string().trim().min(1).max(255) })
export const RoomIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

/** Paging of a room's history: skip/limit (spec 003), and `after_seq` to fetch only what follows a seq. */
export const HistoryQuery = z.object({ skip: skipParam, limit: limitParam(50), after_seq: z.coerce.number().int().min(0).default(0) })

export const SendBody = z.object({
  room_id: z.union([z.string().trim().min(1).max(255), z.number().int().positive()]),
  message: messageText,
  message_type: z.enum(MESSAGE_TYPES).default('text'),
  metadata: z.record(z.string(), z.unknown()).default({}),
})

export const ReadBody = z.object({ seq: z.number().int().min(0) })

export const ConversationOut = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ROOM_KINDS),
  participants: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
})

export const PrivateMessageOut = z.object({
  id: z.number(),
  room_id: z.number(),
  room_name: z.string(),
  seq: z.number(),
  sender_email: z.string().nullable(),
  receiver_email: z.string().nullable(),
  text: z.string(),
  timestamp: z.string(),
  is_read: z.boolean(),
})

export const HistoryMessageOut = PrivateMessageOut.omit({ room_name: true }).extend({ room: z.string() })

export const RoomMessageOut = z.object({
  id: z.number(),
  room_id: z.number(),
  room: z.string(),
  seq: z.number(),
  user_id: z.number(),
  username: z.string(),
  message: z.string(),
  message_type: z.enum(MESSAGE_TYPES),
  metadata: z.unknown(),
  created_at: z.string(),
  edited_at: z.string().nullable(),
})

const Participant = z.object({ id: z.number(), email: z.string().nullable(), username: z.string() })

export const ConversationSummaryOut = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ROOM_KINDS),
  participants: z.array(Participant),
  last_seq: z.number(),
  last_read_seq: z.number(),
  unread_count: z.number(),
  last_message: RoomMessageOut.nullable(),
  last_message_at: z.string().nullable(),
  created_at: z.string(),
})

export const ReadStateOut = z.object({ room_id: z.number(), last_read_seq: z.number(), unread_count: z.number() })
