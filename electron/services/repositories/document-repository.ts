/**
 * Generated documents: one row per PDF made, with the administrations it covers. Policy: rows are
 * only ever added (the record of what was sent); a new version of a group is the next number, and
 * adding one is a single transaction with its lines and its audit row.
 * Lists put what goes to the payer before the internal worksheets: an administration's documents
 * are its attachments (and merged batches), newest first, then its worksheets, newest first; the
 * list of all documents is newest first with each worksheet right after the attachment it was
 * made with (same claim group, same generation time).
 */
import type { DocumentKind, GeneratedDocument } from '../../../shared/api/document-schemas';
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

export type NewDocument = {
  kind: DocumentKind;
  groupKey: string;
  version: number;
  documentKey: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  pageCount: number;
  payerName: string;
  claimNumber: string;
  options: Record<string, unknown>;
  generatedAt: string;
  generatedBy: string;
  administrationIds: readonly number[];
  /** Hash of what the document says (not its ID or time), to tell an unchanged regeneration. */
  contentSha256?: string | null;
};

type Row = Omit<GeneratedDocument, 'administrationIds'> & { administrationIdsText: string };

const SELECT = `
  SELECT d.id, d.kind, d.document_key AS documentKey, d.version, d.file_name AS fileName, d.sha256,
         d.byte_size AS byteSize, d.page_count AS pageCount, d.generated_at AS generatedAt,
         d.generated_by AS generatedBy, d.claim_number AS claimNumber, d.payer_name AS payerName,
         (SELECT group_concat(administration_id) FROM
            (SELECT administration_id FROM generated_document_lines WHERE document_id = d.id ORDER BY position))
           AS administrationIdsText
    FROM generated_documents d`;

const toDocument = ({ administrationIdsText, ...row }: Row): GeneratedDocument => ({
  ...row,
  administrationIds: administrationIdsText ? administrationIdsText.split(',').map(Number) : [],
});

export function documentRepository(db: Db, audit: AuditLog) {
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);
  const latestOf = db.prepare(
    `SELECT id, content_sha256 AS contentSha256 FROM generated_documents WHERE kind = ? AND group_key = ?
      ORDER BY version DESC LIMIT 1`,
  );
  const lastVersion = db.prepare(
    `SELECT coalesce(max(version), 0) AS v FROM generated_documents WHERE kind = ? AND group_key = ?`,
  );
  const insertDocument = db.prepare(
    `INSERT INTO generated_documents (kind, group_key, version, document_key, file_name, sha256, byte_size,
       page_count, payer_name, claim_number, options_json, generated_at, generated_by, content_sha256)
     VALUES (@kind, @groupKey, @version, @documentKey, @fileName, @sha256, @byteSize, @pageCount, @payerName,
       @claimNumber, @optionsJson, @generatedAt, @generatedBy, @contentSha256)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO generated_document_lines (document_id, administration_id, position) VALUES (?, ?, ?)`,
  );
  const ofAdministration = db.prepare(
    `${SELECT} WHERE d.id IN (SELECT document_id FROM generated_document_lines WHERE administration_id = ?)
      ORDER BY d.kind = 'worksheet', d.id DESC LIMIT ? OFFSET ?`,
  );
  const countOfAdministration = db.prepare(
    `SELECT count(*) AS n FROM generated_document_lines WHERE administration_id = ?`,
  );
  // A worksheet sorts as the attachment made with it (found through UNIQUE (kind, group_key, ...)).
  const all = db.prepare(
    `${SELECT} ORDER BY coalesce(
        CASE WHEN d.kind = 'worksheet' THEN
          (SELECT max(p.id) FROM generated_documents p
            WHERE p.kind = 'attachment' AND p.group_key = d.group_key AND p.generated_at = d.generated_at
              AND p.id < d.id)
        END, d.id) DESC, d.kind = 'worksheet', d.id DESC
      LIMIT ? OFFSET ?`,
  );
  const countAll = db.prepare(`SELECT count(*) AS n FROM generated_documents`);

  return {
    get(id: number): GeneratedDocument {
      const row = byId.get(id) as Row | undefined;
      if (!row) throw new AppError('DOCUMENT_NOT_FOUND', `There is no generated document with id ${id}.`);
      return toDocument(row);
    },

    /** The newest version of a group, with its content hash (null for documents made before it was kept). */
    latest: (kind: DocumentKind, groupKey: string): { id: number; contentSha256: string | null } | null =>
      (latestOf.get(kind, groupKey) as { id: number; contentSha256: string | null } | undefined) ?? null,

    nextVersion: (kind: DocumentKind, groupKey: string): number =>
      (lastVersion.get(kind, groupKey) as { v: number }).v + 1,

    add: db.transaction((doc: NewDocument): GeneratedDocument => {
      const { administrationIds, options, contentSha256 = null, ...fields } = doc;
      const id = Number(
        insertDocument.run({ ...fields, contentSha256, optionsJson: JSON.stringify(options) }).lastInsertRowid,
      );
      administrationIds.forEach((adminId, i) => insertLine.run(id, adminId, i + 1));
      const added = toDocument(byId.get(id) as Row);
      audit.record(doc.generatedAt, doc.generatedBy, 'document', id, 'create', null, added);
      return added;
    }),

    list(q: { administrationId?: number | undefined; limit: number; offset: number }): {
      rows: GeneratedDocument[];
      total: number;
    } {
      if (q.administrationId !== undefined) {
        const rows = ofAdministration.all(q.administrationId, q.limit, q.offset) as Row[];
        const total = (countOfAdministration.get(q.administrationId) as { n: number }).n;
        return { rows: rows.map(toDocument), total };
      }
      const rows = all.all(q.limit, q.offset) as Row[];
      return { rows: rows.map(toDocument), total: (countAll.get() as { n: number }).n };
    },
  };
}
export type DocumentRepository = ReturnType<typeof documentRepository>;
