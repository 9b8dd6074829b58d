import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../contract/api';
import { BilingualError } from '../core/i18n/message';
import { JSON_BODY_LIMIT, XLSX_BODY_LIMIT } from './config';

/**
 * An error the API reports as it is: an HTTP status, a stable code, a Chinese and an English message (on the
 * wire `message` and `messageEn`, in code the bilingual base's `zh` and `en`).
 */
export class ApiError extends BilingualError {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    messageEn: string,
    readonly details?: unknown,
    /** Sent as Retry-After: when trying again makes sense (503, 507, 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, messageEn);
  }

  /** The English message, as the wire names it. */
  get messageEn(): string {
    return this.en;
  }
}

/** 503: the database does not answer (stopped, frozen, unreachable, or too slow). */
export function databaseUnavailable(): ApiError {
  return new ApiError(503, 'server.databaseUnavailable', '数据库暂时无响应，报表未保存。请稍后重试（加载项会自动重试）；如持续出现，请联系统计局管理员。', 'The database does not answer; nothing was stored. Retry later.', undefined, 10);
}

/** 507: the database cannot write (disk full, read-only); nothing of the request was stored. */
export function storageFull(): ApiError {
  return new ApiError(507, 'storage.full', '服务器存储空间已满（或数据库不可写），报表未保存。请稍后重试，并通知统计局管理员清理磁盘空间。', 'The server\'s storage is full (or the database is read-only); nothing was stored. Retry later and tell the administrator.', undefined, 60);
}

const MIB = 1024 * 1024;

/** What the framework's own errors mean to a county clerk (by Fastify error code). */
const FRAMEWORK_ERRORS: Record<string, () => ApiError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new ApiError(400, 'request.malformedJson', '请求内容不是有效的 JSON，无法读取。请用加载项或模板重新提交。', 'The request body is not valid JSON.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new ApiError(400, 'request.emptyBody', '请求内容为空。', 'The request body is empty.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new ApiError(413, 'request.tooLarge', `提交的内容过大：JSON 不超过 ${JSON_BODY_LIMIT / MIB} MiB，Excel 文件不超过 ${XLSX_BODY_LIMIT / MIB} MiB。`, `The request body is too large (JSON: ${JSON_BODY_LIMIT / MIB} MiB, .xlsx: ${XLSX_BODY_LIMIT / MIB} MiB at most).`),
  FST_REQ_FILE_TOO_LARGE: () =>
    new ApiError(413, 'request.tooLarge', `上传的文件过大：Excel 文件不超过 ${XLSX_BODY_LIMIT / MIB} MiB。`, `The uploaded file is too large (${XLSX_BODY_LIMIT / MIB} MiB at most).`),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => unsupportedMediaType(),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new ApiError(400, 'request.badLength', '请求长度与内容不符。', 'Content-Length does not match the body.'),
  FST_ERR_HANDLER_TIMEOUT: () => new ApiError(503, 'server.timeout', '服务器处理超时，报表可能未保存。请稍后重试（重试不会重复保存）。', 'The server did not finish in time; retry later (a retry is never stored twice).', undefined, 10),
};

/** SQLite result codes of a database that cannot write (better-sqlite3 puts them in `code`). */
const SQLITE_STORAGE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/;

/**
 * What a database driver's error means for the client, when it is about the database's state rather than
 * a bug: full disk → 507, unreachable or too slow → 503, text PostgreSQL cannot store → 400.
 */
export function databaseFailure(error: unknown): ApiError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if (typeof code === 'string') {
    if (SQLITE_STORAGE.test(code)) return storageFull();
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return databaseUnavailable();
    // PostgreSQL SQLSTATE: 53100 disk_full, 25006 read_only_sql_transaction
    if (code === '53100' || code === '25006') return storageFull();
    // 53xxx insufficient resources, 08xxx connection exceptions, 57P0x shutdown/cannot connect, 57014 statement timeout
    if (/^(53|08)/.test(code) || /^57P0/.test(code) || code === '57014') return databaseUnavailable();
    // 22021 character_not_in_repertoire (U+0000), 22P05 untranslatable_character: the schema should have refused it
    if (code === '22021' || code === '22P05') {
      return new ApiError(400, 'request.invalidText', '请求中含有数据库无法保存的字符（如不可见的控制字符 U+0000）：请删除后重试。', 'The request holds characters the database cannot store (such as U+0000).');
    }
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE') return databaseUnavailable();
  }
  // node-postgres: a query past query_timeout, a pool that cannot hand out a connection in time
  if (/Query read timeout|timeout exceeded when trying to connect|Connection terminated/i.test(message)) return databaseUnavailable();
  return undefined;
}

/** 415: the body is not in a format this route takes. */
export function unsupportedMediaType(expected = 'application/json'): ApiError {
  return new ApiError(415, 'request.unsupportedMediaType', `不支持的内容类型：此接口只接受 ${expected}。`, `Unsupported content type: this endpoint takes ${expected}.`);
}

/** The one error policy of the server: every error leaves as `{ error: { code, message, messageEn, details? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error);
    // a write the database could not store: /healthz says so until a write succeeds again
    if (apiError.code === 'storage.full') app.health?.storageFailed(String((error as { code?: unknown }).code ?? 'unknown'));
    if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: apiError.code, status: apiError.statusCode }, 'request refused');
    return sendError(reply, apiError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError(404, 'notFound', `没有这个地址：${request.method} ${request.url.split('?')[0]}`, `Not found: ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/** Writes an ApiError in the API's error format. */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  const body: ErrorResponse = {
    error: { code: error.code, message: error.message, messageEn: error.messageEn, ...(error.details === undefined ? {} : { details: error.details }) },
  };
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(body);
}

function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // "body.values.1.note", "querystring.org": where the problem is, as a path a person can follow
    const issues = error.validation.map((issue) => ({ path: [error.validationContext, ...issue.instancePath.split('/')].filter(Boolean).join('.'), message: issue.message }));
    const list = issues.slice(0, 5).map((issue) => `${issue.path || '(根)'}：${issue.message}`).join('；');
    return new ApiError(400, 'request.invalid', `请求内容不符合接口格式：${list}`, 'The request does not match the API schema.', { issues });
  }
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return known();
  if (error instanceof SyntaxError) return FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!();
  const database = databaseFailure(error);
  if (database) return database;
  const status = error.statusCode ?? 500;
  if (status === 429) return error as unknown as ApiError;
  if (status >= 400 && status < 500) {
    return new ApiError(status, `request.${error.code ?? 'refused'}`, `请求无法处理：${error.message}`, error.message);
  }
  return new ApiError(500, 'server.internal', '服务器内部错误，已记录。请稍后重试；如反复出现，请联系统计局管理员。', 'Internal server error (logged).');
}
