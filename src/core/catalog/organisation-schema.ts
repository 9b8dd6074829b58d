import { z } from 'zod';

/** A reporting organisation: a county department or body, or one of the townships/subdistricts. */
export const OrganisationSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('Stable id, used in tokens and submissions.'),
  name: z.string().min(1).describe('Full name, e.g. 新平县卫生健康局.'),
  shortName: z.string().min(1).describe('The name people use, e.g. 卫健局.'),
  nameEn: z.string().min(1),
  kind: z.enum(['department', 'township', 'subdistrict']),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** The editable list of organisations of a county. */
export const OrganisationsFileSchema = z
  .object({
    $schema: z.string().optional(),
    county: z.string().min(1),
    note: z.string().optional(),
    organisations: z.array(OrganisationSchema).min(1),
  })
  .strict();
export type OrganisationsFile = z.infer<typeof OrganisationsFileSchema>;

/** Whether an organisation is one of the 乡镇（街道）, which report their own row of per-township indicators. */
export function isTownship(organisation: Organisation): boolean {
  return organisation.kind === 'township' || organisation.kind === 'subdistrict';
}
