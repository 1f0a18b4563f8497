export { userRoom } from '../domain/outbox/rooms.ts'
