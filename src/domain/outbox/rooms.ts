/** Room every socket of a user joins; pushes to it reach all of that user's devices (part of the PushChannel contract). */
export const userRoom = (userId: number | string): string => `user:${userId}`
