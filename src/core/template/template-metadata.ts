import { z } from 'zod';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, PlanIdSchema } from '../catalog/indicator-schema';

/**
 * The layout version of the templates this code writes; bumped when columns or markers change. 2: the domain
 * as a group row instead of a column, the 进展情况 column for qualitative indicators, the hidden 校验值
 * column, the 统计报表 header and footer. Version 1 sheets are still read (by column key).
 */
export const TEMPLATE_VERSION = 2;

/**
 * What a template sheet was cut for. It is written into the sheet itself (a hidden marker row), so it
 * survives saving as .xlsx, WPS and LibreOffice, copying the sheet to another workbook and renaming it.
 */
export const TemplateMetadataSchema = z
  .object({
    plan: PlanIdSchema,
    year: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR),
    organisationId: z.string().min(1).optional().describe('Absent: the all-indicator template.'),
    catalogVersion: z.string().regex(/^\d{4}\.\d+$/),
    templateVersion: z.number().int().min(1),
  })
  .strict();

/** What a template sheet was cut for: plan, year, organisation, catalog and template versions. */
export type TemplateMetadata = z.infer<typeof TemplateMetadataSchema>;

/** The prefix of the hidden cell that holds the metadata; the key cells of the marker row share it. */
export const MARKER_PREFIX = 'xpm:';
const META_PREFIX = `${MARKER_PREFIX}meta `;

/** The text of the metadata cell: `xpm:meta {"plan":…}`. */
export function encodeMetadata(meta: TemplateMetadata): string {
  const ordered: TemplateMetadata = {
    plan: meta.plan,
    year: meta.year,
    ...(meta.organisationId === undefined ? {} : { organisationId: meta.organisationId }),
    catalogVersion: meta.catalogVersion,
    templateVersion: meta.templateVersion,
  };
  return `${META_PREFIX}${JSON.stringify(ordered)}`;
}

/** Whether a cell's text is a metadata cell (well-formed or not). */
export function isMetadataCell(text: string): boolean {
  return text.startsWith(META_PREFIX);
}

/** Reads a metadata cell; `undefined` when it is not one, an error message when it is damaged. */
export function decodeMetadata(text: string): { ok: true; meta: TemplateMetadata } | { ok: false; zh: string; en: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.slice(META_PREFIX.length));
  } catch {
    return { ok: false, zh: '隐藏的模板信息已损坏（不是有效的 JSON）', en: 'The hidden template metadata is damaged (not valid JSON)' };
  }
  const parsed = TemplateMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    return { ok: false, zh: `隐藏的模板信息已损坏（${where}）`, en: `The hidden template metadata is damaged (${where})` };
  }
  return { ok: true, meta: parsed.data };
}
