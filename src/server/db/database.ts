import type { Generated, Insertable, Selectable } from 'kysely';
import type { AuditAction, Role, SubmissionSource, SubmissionStatus } from '../../contract/submission-document';

/**
 * The tables of the shared endpoint, as Kysely sees them. Times are ISO 8601 UTC text (the same in SQLite
 * and PostgreSQL, and they sort as text); JSON columns hold JSON text.
 */
export interface Database {
  organisations: OrganisationTable;
  tokens: TokenTable;
  submissions: SubmissionTable;
  submission_versions: SubmissionVersionTable;
  submission_values: SubmissionValueTable;
  submission_files: SubmissionFileTable;
  audit_events: AuditEventTable;
  idempotency_keys: IdempotencyKeyTable;
  reporting_grants: ReportingGrantTable;
  reporting_deadlines: ReportingDeadlineTable;
  lead_overrides: LeadOverrideTable;
  users: UserTable;
  sessions: SessionTable;
}

/** A reporting organisation (seeded from seeds/organisations.json, more added with `org add`). */
export interface OrganisationTable {
  id: string;
  name: string;
  short_name: string;
  name_en: string;
  kind: 'department' | 'township' | 'subdistrict';
  created_at: string;
}

/** An API token: only its SHA-256 is kept. */
export interface TokenTable {
  id: string;
  token_hash: string;
  organisation_id: string;
  role: Role;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** One plan, year and organisation: the thread its versions belong to, and where it is in review. */
export interface SubmissionTable {
  id: string;
  plan: string;
  year: number;
  organisation_id: string;
  status: SubmissionStatus;
  current_version: number;
  created_at: string;
  updated_at: string;
}

/** One accepted version, never changed afterwards. */
export interface SubmissionVersionTable {
  submission_id: string;
  version: number;
  received_at: string;
  token_id: string;
  source: SubmissionSource;
  catalog_version: string;
  template_version: number;
  value_count: number;
  counts: string;
  body: string;
  body_sha256: string;
  /** Bytes this version stores: its document and its uploaded file (the quota adds them up). */
  stored_bytes: number;
}

/** One value of a version, with the server's verdict. */
export interface SubmissionValueTable {
  submission_id: string;
  version: number;
  position: number;
  indicator_id: string;
  unit_id: string | null;
  raw_value: string;
  parsed: string | null;
  status: string;
  severity: string;
  note: string | null;
  previous: string | null;
  baseline: string | null;
  other: string | null;
}

/** The uploaded workbook behind an .xlsx version, kept as received. */
export interface SubmissionFileTable {
  submission_id: string;
  version: number;
  file_name: string | null;
  sha256: string;
  content: Uint8Array;
}

/** Who did what to which submission, and when. */
export interface AuditEventTable {
  /** Increasing: the order of events, even within one millisecond. */
  id: Generated<number>;
  submission_id: string;
  version: number | null;
  action: AuditAction;
  at: string;
  token_id: string;
  organisation_id: string;
  role: Role;
  comment: string | null;
}

/** A remembered `Idempotency-Key`: the request it came with and the answer given. */
export interface IdempotencyKeyTable {
  scope: string;
  idempotency_key: string;
  request_sha256: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** An indicator (and unit) the bureau lets an organisation report beyond the catalog's `responsible` lists. */
export interface ReportingGrantTable {
  id: string;
  organisation_id: string;
  indicator_id: string;
  /** null: every reporting unit of the indicator. */
  unit_id: string | null;
  created_at: string;
  /** The bureau token that granted it. */
  created_by: string;
  revoked_at: string | null;
}

/** The reporting deadline the bureau set for a plan-year. */
export interface ReportingDeadlineTable {
  plan: string;
  year: number;
  /** YYYY-MM-DD: the reports are due by the end of that day, China Standard Time. */
  deadline: string;
  set_at: string;
  /** Who set it: a bureau token's id, or `cli:<user>` for the command line. */
  set_by: string;
}

/** The organisation whose value the county takes for an indicator, as the bureau chose it. */
export interface LeadOverrideTable {
  plan: string;
  indicator_id: string;
  organisation_id: string;
  set_at: string;
  /** Who set it: a bureau token's id, or `cli:<user>`. */
  set_by: string;
}

/**
 * A person who signs in to the web app with a password. Each user also has a row in `tokens` with the same id
 * (never usable as a token: revoked from the start, its hash of nothing anyone holds), so that what they do is
 * recorded under their id where the audit trail and the submissions refer to tokens.
 */
export interface UserTable {
  /** usr_<hex> */
  id: string;
  /** As typed when created; unique whatever its case. */
  login: string;
  display_name: string;
  organisation_id: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash (src/server/services/passwords.ts). */
  password_hash: string;
  /** 0/1 (SQLite has no boolean). */
  must_change_password: number;
  disabled: number;
  /** Consecutive failed sign-ins since the last success or lock. */
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  last_login_at: string | null;
  password_changed_at: string;
}

/** A signed-in browser: only the SHA-256 of the cookie's secret is kept. */
export interface SessionTable {
  /** ses_<hex>: not a secret. */
  id: string;
  secret_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  /** Idle expiry: moves on as the session is used, never past absolute_expires_at. */
  expires_at: string;
  absolute_expires_at: string;
  last_seen_at: string;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type ReportingGrantRow = Selectable<ReportingGrantTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type TokenRow = Selectable<TokenTable>;
export type NewToken = Insertable<TokenTable>;
export type SubmissionRow = Selectable<SubmissionTable>;
export type SubmissionVersionRow = Selectable<SubmissionVersionTable>;
export type NewSubmissionVersion = Insertable<SubmissionVersionTable>;
export type SubmissionValueRow = Selectable<SubmissionValueTable>;
export type NewSubmissionValue = Insertable<SubmissionValueTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type ReportingDeadlineRow = Selectable<ReportingDeadlineTable>;
export type LeadOverrideRow = Selectable<LeadOverrideTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;
