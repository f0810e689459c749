import { PDFDocument } from 'pdf-lib'
import { SIGNED_DETAILS_KEY } from '../../src/node/pdf/certificate'
import { readDocumentInfo, writeDocumentInfo } from '../../src/node/pdf/pdf-writer'

/** A forger's edit for tests: the signed details of a certificate changed, its signature kept as it was. */
export async function rewriteSignedDetails(pdf: Uint8Array, change: (details: Record<string, unknown>) => Record<string, unknown>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf)
  const details = JSON.parse(readDocumentInfo(doc, SIGNED_DETAILS_KEY) ?? '{}') as Record<string, unknown>
  writeDocumentInfo(doc, SIGNED_DETAILS_KEY, JSON.stringify(change(details)))
  return doc.save()
}
