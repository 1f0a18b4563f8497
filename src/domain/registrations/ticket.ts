import QRCode from 'qrcode'
import type { Event, Registration } from '../../payload-types.ts'
import { iso, isoOrNull } from '../../lib/dates.ts'

/** The scannable part of a ticket: its code as a QR code (SVG), error correction M. */
export async function ticketQrSvg(ticketCode: string): Promise<string> {
  return QRCode.toString(ticketCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

export async function ticketView(registration: Registration, event: Event, attendee: { name: string | null; email: string | null }) {
  if (!registration.ticket_code) return null
  const svg = await ticketQrSvg(registration.ticket_code)
  return {
    registration_id: registration.id,
    ticket_code: registration.ticket_code,
    status: registration.status,
    checked_in_at: isoOrNull(registration.checked_in_at),
    attendee,
    event: {
      id: event.id,
      name: event.name,
      start_datetime: iso(event.start_datetime),
      end_datetime: iso(event.end_datetime),
      location: event.location_name ?? event.location ?? null,
      timezone: event.timezone ?? 'UTC',
    },
    qr_code_svg: svg,
    qr_code_data_url: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  }
}
