import type { Kysely } from 'kysely';
import type { Catalog } from '../../core/catalog/catalog';
import type { SubmissionFinding } from '../../core/submission/check-submission';
import type { TemplateRead } from '../../core/template/read-template';
import { SubmissionDocumentSchema, type SubmissionDocument } from '../../contract/submission-document';
import { findingCell, submissionFromTemplate } from '../../contract/template-submission';
import { templatesOfGrids, type XlsxRefusal } from '../../xlsx/read-xlsx';
import type { AuthContext } from '../auth-context';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { sha256 } from '../tokens';
import { acceptSubmission, type SubmissionLimits, type SubmissionOutcome } from './accept-submission';
import type { WorkbookIntake } from './workbook-intake';

/** What accepting an upload needs of the server. */
export interface UploadContext {
  readonly db: Kysely<Database>;
  readonly catalog: Catalog;
  readonly intake: WorkbookIntake;
  readonly limits: SubmissionLimits;
}

/** An uploaded workbook and how to submit it. */
export interface Upload {
  readonly data: Uint8Array;
  readonly fileName: string | null;
  /** The template sheet to submit when the workbook has several (?sheet=). */
  readonly sheetName?: string;
  readonly idempotencyKey?: string;
}

/**
 * A filled template (.xlsx) submitted: plan and year from the template's hidden metadata, the organisation
 * from the token; then the same path as a JSON submission. The file is hostile until read: it is read in a
 * worker thread with bounded memory and time (WorkbookIntake), which looks at the zip's central directory
 * before inflating anything and refuses a template of another organisation as soon as its metadata row is
 * read; the document built from it passes the same schema as a JSON one; every finding names its cell.
 */
export async function acceptUpload(context: UploadContext, auth: AuthContext, upload: Upload): Promise<SubmissionOutcome> {
  const { catalog } = context;
  const grids = await context.intake.read(upload.data, { ...(upload.sheetName === undefined ? {} : { sheetName: upload.sheetName }), expectedOrganisationId: auth.organisationId });
  if (!grids.ok) throw refused(grids.refusal, catalog.organisations, auth);
  const outcome = templatesOfGrids(grids.sheets, catalog);
  const sheet = chooseSheet(outcome.sheets, upload.sheetName, outcome.skipped.map((item) => item.sheetName));
  if (sheet.meta.organisationId !== undefined && sheet.meta.organisationId !== auth.organisationId) {
    throw otherOrganisation(catalog.organisations, sheet.meta.organisationId, auth);
  }
  const templateErrors = sheet.problems.filter((problem) => problem.severity === 'error');
  if (templateErrors.length > 0) {
    throw new ApiError(422, 'upload.templateProblems', `模板“${sheet.sheetName}”有 ${templateErrors.length} 处问题，未能提交：请按清单改正。`, `The sheet "${sheet.sheetName}" has ${templateErrors.length} problem(s).`, {
      errors: templateErrors.map((problem) => ({
        sheet: sheet.sheetName,
        ...(problem.cell === undefined ? {} : { cell: problem.cell }),
        ...(problem.indicatorId === undefined ? {} : { indicatorId: problem.indicatorId }),
        ...(problem.unitId === undefined ? {} : { unitId: problem.unitId }),
        ...(problem.field === undefined ? {} : { field: problem.field }),
        code: problem.code,
        severity: problem.severity,
        message: problem.zh,
        messageEn: problem.en,
      })),
      notesRequired: [],
    });
  }
  const document = checkedDocument(submissionFromTemplate(sheet, auth.organisationId, { app: 'xlsx-upload', ...(upload.fileName ? { host: upload.fileName.slice(0, 100) } : {}) }), sheet);
  try {
    return await acceptSubmission(
      context.db,
      catalog,
      auth,
      {
        document,
        entries: sheet.entries,
        source: 'xlsx',
        requestSha256: sha256(upload.data),
        file: { name: upload.fileName, content: upload.data },
        ...(upload.idempotencyKey === undefined ? {} : { idempotencyKey: upload.idempotencyKey }),
      },
      context.limits,
    );
  } catch (error) {
    throw withCells(error, sheet);
  }
}

/** The template sheet to submit: the only one, or the one named by ?sheet=. */
function chooseSheet(sheets: readonly TemplateRead[], wanted: string | undefined, skipped: readonly string[]): TemplateRead {
  if (wanted !== undefined) {
    const sheet = sheets.find((item) => item.sheetName === wanted);
    if (!sheet) throw new ApiError(422, 'upload.sheetNotFound', `工作簿中没有名为“${wanted}”的模板工作表（模板工作表：${sheets.map((item) => item.sheetName).join('、') || '无'}）。`, `No template sheet "${wanted}".`);
    return sheet;
  }
  const [only, ...more] = sheets;
  if (!only) {
    throw new ApiError(422, 'upload.noTemplate', `工作簿中没有监测填报模板工作表${skipped.length ? `（已跳过：${skipped.join('、')}）` : ''}：请使用从加载项或 indicators template 下载的模板。`, 'The workbook holds no template sheet.');
  }
  if (more.length > 0) {
    throw new ApiError(422, 'upload.severalTemplates', `工作簿中有 ${sheets.length} 个模板工作表（${sheets.map((item) => item.sheetName).join('、')}）：请每次上传一个，或用 ?sheet=工作表名 指定。`, 'The workbook holds several template sheets: choose one with ?sheet=.');
  }
  return only;
}

/** Adds the cell addresses of the sheet to the findings of a refused upload. */
function withCells(error: unknown, sheet: TemplateRead): unknown {
  if (!(error instanceof ApiError) || error.statusCode !== 422) return error;
  const details = error.details as { errors: SubmissionFinding[]; notesRequired: SubmissionFinding[]; counts?: unknown } | undefined;
  if (!details) return error;
  const locate = (finding: SubmissionFinding): SubmissionFinding & { sheet: string } => {
    const cell = findingCell(sheet, finding);
    return { ...finding, sheet: sheet.sheetName, ...(cell ? { cell } : {}) };
  };
  return new ApiError(error.statusCode, error.code, error.message, error.messageEn, { ...details, errors: details.errors.map(locate), notesRequired: details.notesRequired.map(locate) });
}

/** A workbook the reader refused: its own status and message; another organisation's template → 403. */
function refused(refusal: XlsxRefusal, organisations: readonly { id: string; shortName: string }[], auth: AuthContext): ApiError {
  if (refusal.code === 'xlsx.otherOrganisation' && refusal.organisationId) return otherOrganisation(organisations, refusal.organisationId, auth);
  const details = { code: refusal.code, ...(refusal.sheet === undefined ? {} : { sheet: refusal.sheet }), ...(refusal.cell === undefined ? {} : { cell: refusal.cell }) };
  return new ApiError(refusal.status, refusal.status === 413 ? 'upload.tooLarge' : 'upload.unreadable', refusal.zh, refusal.en, details);
}

function otherOrganisation(organisations: readonly { id: string; shortName: string }[], organisationId: string, auth: AuthContext): ApiError {
  return new ApiError(
    403,
    'upload.otherOrganisation',
    `这份模板是为“${organisationName(organisations, organisationId)}”生成的，不能用本单位（${organisationName(organisations, auth.organisationId)}）的令牌提交。请下载本单位的模板填报。`,
    `This template was made for "${organisationId}", not for the token's organisation "${auth.organisationId}".`,
  );
}

/**
 * The document built from a sheet, held to the same schema as a JSON submission (lengths, characters a
 * database or an export cannot hold); a problem names its cell.
 */
function checkedDocument(document: SubmissionDocument, sheet: TemplateRead): SubmissionDocument {
  const parsed = SubmissionDocumentSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.slice(0, 50).map((issue) => {
    const [root, index, field] = issue.path;
    const entryIndex = root === 'values' && typeof index === 'number' ? index : undefined;
    const cellField = field === 'note' || field === 'previous' || field === 'baseline' || field === 'other' ? field : 'value';
    const cell = entryIndex === undefined ? undefined : findingCell(sheet, { entryIndex, field: cellField });
    const where = cell ?? issue.path.join('.');
    return { sheet: sheet.sheetName, ...(cell ? { cell } : {}), code: 'upload.invalidContent', severity: 'error' as const, message: `${where}：${issue.message}`, messageEn: `${where}: ${issue.message}` };
  });
  throw new ApiError(422, 'upload.invalidContent', `模板“${sheet.sheetName}”有 ${errors.length} 处内容无法保存（过长，或含有不可见的控制字符）：请按清单改正。`, `The sheet "${sheet.sheetName}" holds content that cannot be stored.`, { errors, notesRequired: [] });
}

function organisationName(organisations: readonly { id: string; shortName: string }[], id: string): string {
  return organisations.find((organisation) => organisation.id === id)?.shortName ?? id;
}
