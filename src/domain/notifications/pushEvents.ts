/** The socket events of the inbox (socket.io and the plain WebSocket alike). */
export const PUSH_EVENTS = { new: 'notification:new', read: 'notification:read', unreadCount: 'unread_count' } as const
