import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../core/submission/api-schema';
import { JSON_BODY_LIMIT, XLSX_BODY_LIMIT } from './config';

/** An error the API reports as it is: an HTTP status, a stable code, a Chinese and an English message. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
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
};

/** 415: the body is not in a format this route takes. */
export function unsupportedMediaType(expected = 'application/json'): ApiError {
  return new ApiError(415, 'request.unsupportedMediaType', `不支持的内容类型：此接口只接受 ${expected}。`, `Unsupported content type: this endpoint takes ${expected}.`);
}

/** The one error policy of the server: every error leaves as `{ error: { code, message, messageEn, details? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error);
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
  const body: ErrorResponse = {
    error: { code: error.code, message: error.message, messageEn: error.messageEn, ...(error.details === undefined ? {} : { details: error.details }) },
  };
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(body);
}

function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({ path: `${error.validationContext ?? ''}${issue.instancePath}`, message: issue.message }));
    const list = issues.slice(0, 5).map((issue) => `${issue.path || '(根)'}：${issue.message}`).join('；');
    return new ApiError(400, 'request.invalid', `请求内容不符合接口格式：${list}`, 'The request does not match the API schema.', { issues });
  }
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return known();
  if (error instanceof SyntaxError) return FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!();
  const status = error.statusCode ?? 500;
  if (status === 429) return error as unknown as ApiError;
  if (status >= 400 && status < 500) {
    return new ApiError(status, `request.${error.code ?? 'refused'}`, `请求无法处理：${error.message}`, error.message);
  }
  return new ApiError(500, 'server.internal', '服务器内部错误，已记录。请稍后重试；如反复出现，请联系统计局管理员。', 'Internal server error (logged).');
}
