import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdempotencyHeadersSchema, ReceiptSchema, UploadQuerySchema } from '../../contract/api';
import type { AuthContext } from '../auth-context';
import { XLSX_BODY_LIMIT } from '../config';
import { ApiError, unsupportedMediaType } from '../errors';
import { assertMaySubmit } from '../services/accept-submission';
import { acceptUpload } from '../services/accept-upload';
import { errorResponses } from './error-responses';
import { sendOutcome } from './idempotency-header';

/** The content type of an .xlsx workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * POST /submissions/upload: a filled template (.xlsx) as the raw body or as multipart field `file`, for WPS
 * users and anyone without the add-in. The route takes the bytes (a token that may not submit is refused
 * before the body is read); services/accept-upload.ts does the rest.
 */
export const uploadRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.addContentTypeParser(XLSX_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit: XLSX_BODY_LIMIT }, (_request, body, done) => done(null, body));
  await fastify.register(fastifyMultipart, { limits: { fileSize: XLSX_BODY_LIMIT, files: 1, fields: 10, parts: 11 } });

  fastify.post('/submissions/upload', {
    bodyLimit: XLSX_BODY_LIMIT,
    schema: {
      summary: 'Submit a filled template (.xlsx)',
      description: `Raw body (Content-Type ${XLSX_CONTENT_TYPE}) or multipart/form-data with field "file"; at most 10 MiB. One template sheet per upload (choose with ?sheet= when the workbook has several).`,
      consumes: [XLSX_CONTENT_TYPE, 'multipart/form-data'],
      headers: IdempotencyHeadersSchema,
      querystring: UploadQuerySchema,
      response: { 201: ReceiptSchema, 200: ReceiptSchema, ...errorResponses(400, 403, 409, 413, 415, 422, 503, 507) },
    },
    // before the body is read: a role that may not submit never gets its file parsed
    onRequest: async (request) => assertMaySubmit(request.auth as AuthContext),
  }, async (request, reply) => {
    const auth = request.auth as AuthContext;
    let data: Uint8Array;
    let fileName: string | null = null;
    if (request.isMultipart()) {
      const part = await request.file();
      if (!part || part.fieldname !== 'file') {
        throw new ApiError(400, 'upload.missingFile', '没有收到文件：请在表单字段 file 中上传填好的 .xlsx 模板。', 'No file: send the workbook in multipart field "file".');
      }
      data = await part.toBuffer();
      fileName = part.filename || null;
    } else if (Buffer.isBuffer(request.body)) {
      data = request.body;
    } else {
      throw unsupportedMediaType(`${XLSX_CONTENT_TYPE} 或 multipart/form-data（字段 file）`);
    }
    const outcome = await acceptUpload(
      { db: fastify.db, catalog: fastify.catalog, intake: fastify.workbookIntake, limits: { storageQuotaBytes: fastify.limits.storageQuotaBytes } },
      auth,
      {
        data,
        fileName,
        ...(request.query.sheet === undefined ? {} : { sheetName: request.query.sheet }),
        ...(request.headers['idempotency-key'] === undefined ? {} : { idempotencyKey: request.headers['idempotency-key'] }),
      },
    );
    return sendOutcome(reply, outcome);
  });
};
