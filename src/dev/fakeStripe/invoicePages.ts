import { escapeHtml, htmlPage } from './html.ts'
import { formatAmount } from './money.ts'
import type { PageResponse } from './checkoutPage.ts'
import type { FakeStore } from './store.ts'
import type { Invoice } from './types.ts'

/** GET /invoices/:id (hosted_invoice_url) and /invoices/:id.pdf (invoice_pdf), so invoice links resolve. */
export function invoicePage(method: string, pathname: string, store: FakeStore): PageResponse | undefined {
  const match = /^\/invoices\/([^/]+?)(\.pdf)?$/.exec(pathname)
  if (!match || method !== 'GET') return undefined
  const invoice = store.invoices.get(match[1])
  if (!invoice) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'No such invoice' }
  if (match[2])
    return {
      status: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${invoice.number}.pdf"` },
      body: tinyPdf(summary(invoice)),
    }
  const body = `<h1>Invoice ${escapeHtml(invoice.number)}</h1>
<p class="amount">${escapeHtml(formatAmount(invoice.amount_due, invoice.currency))}</p>
<p>Status: ${escapeHtml(invoice.status)}</p>
<ul>${invoice.lines.data.map((line) => `<li>${escapeHtml(line.description)}</li>`).join('')}</ul>
<p><a href="/invoices/${encodeURIComponent(invoice.id)}.pdf">Download PDF</a></p>`
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: htmlPage(`Invoice ${invoice.number}`, body) }
}

function summary(invoice: Invoice): string {
  return `Invoice ${invoice.number}: ${formatAmount(invoice.amount_due, invoice.currency)} (${invoice.status})`
}

/** A one-page PDF with one line of text: valid enough for any viewer. */
function tinyPdf(text: string): Buffer {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, '\\$&')
  const stream = `BT /F1 14 Tf 72 720 Td (${ascii}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((object, index) => {
    const offset = pdf.length
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}
