/** Where a sign-in or refresh came from, kept with the session so users can recognise their devices. */
export type ClientMeta = { ip: string; userAgent: string }
