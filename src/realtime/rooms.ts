/** Room every socket of a user joins; emits to it reach all of that user's devices. */
export const userRoom = (userId: number | string): string => `user:${userId}`
