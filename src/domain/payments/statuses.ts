export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded', 'expired'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** The methods a buyer may choose at checkout (spec 000). */
export const PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
