/** The socket.io room of a chat room: every socket of its participants is in it (from the handshake on). */
export const chatRoom = (roomId: number): string => `chat:${roomId}`

/** The chat's socket events (socket.io event names; plain WebSocket `type`s). */
export const CHAT_EVENTS = {
  newMessage: 'message:new',
  read: 'message:read',
  hidden: 'message:hidden',
  typing: 'typing',
  sync: 'chat:sync',
  /** Sent to a user's sockets when they are added to a new room: the server joins them to it first. */
  joined: 'chat:joined',
} as const
