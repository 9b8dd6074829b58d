import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../../src/server/db/prepare';
import { createToken } from '../../src/server/repositories/tokens';
import { XLSX_CONTENT_TYPE } from '../../src/server/routes/upload-routes';
import { farCellTemplate, lyingSizeBomb, mediaBomb, sheetXmlBomb } from '../helpers/hostile-xlsx';
import { startServerProcess, watchServer, type ServerProcess } from './helpers/server-process';
import { send, type TestResponse } from './helpers/test-app';
import { filledTemplate } from './helpers/template-files';

const MIB = 1024 * 1024;

describe('hostile workbooks against the real server process', () => {
  let dataDir: string;
  let server: ServerProcess;
  let reporter: string;
  let admin: string;
  const files: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'xpm-hostile-'));
    const db = await prepareDatabase({ dataDir });
    reporter = (await createToken(db, { organisationId: 'wjj', role: 'reporter' })).token;
    admin = (await createToken(db, { organisationId: 'tjj', role: 'admin' })).token;
    await db.destroy();
    files.farXFD1048576 = await farCellTemplate('XFD1048576');
    files.farXFD2000 = await farCellTemplate('XFD2000');
    files.farA1048576 = await farCellTemplate('A1048576');
    files.sheetBomb = await sheetXmlBomb(300 * MIB);
    files.mediaBomb = await mediaBomb(1536 * MIB);
    files.lyingBomb = await lyingSizeBomb(300 * MIB);
    server = await startServerProcess(dataDir);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (bytes: Uint8Array, token = reporter): Promise<TestResponse> =>
    send(server.origin, { method: 'POST', url: '/api/v1/submissions/upload', payload: bytes, headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE } });

  it('the files are small on disk', () => {
    for (const [name, bytes] of Object.entries(files)) expect([name, bytes.length < 2 * MIB]).toEqual([name, true]);
  });

  it.each(['farXFD1048576', 'farXFD2000', 'farA1048576', 'sheetBomb', 'mediaBomb', 'lyingBomb'])('%s: refused with a 4xx and a Chinese message within 5 s; RSS < 512 MB; /healthz answers within 1 s throughout', async (name) => {
    const result = await watchServer(server, () => upload(files[name]!));
    expect(result.value.statusCode).toBeGreaterThanOrEqual(400);
    expect(result.value.statusCode).toBeLessThan(500);
    expect(result.value.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.seconds).toBeLessThan(5);
    expect(result.maxRss).toBeLessThan(512 * MIB);
    expect(result.worstHealthMs).toBeLessThan(1000);
    expect(result.healthFailures).toBe(0);
  });

  it('four hostile uploads in parallel: all refused, the server stays responsive, and a good upload afterwards is stored', async () => {
    const result = await watchServer(server, () => Promise.all(['farXFD1048576', 'sheetBomb', 'mediaBomb', 'lyingBomb'].map((name) => upload(files[name]!))));
    for (const response of result.value) {
      // refused for what the file is, or (pool full) asked to come back later
      expect([413, 422, 503]).toContain(response.statusCode);
      if (response.statusCode === 503) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(result.value.filter((response) => response.statusCode !== 503).length).toBeGreaterThanOrEqual(2);
    expect(result.maxRss).toBeLessThan(512 * MIB);
    expect(result.worstHealthMs).toBeLessThan(1000);
    const good = await upload(await filledTemplate({ plan: 'children', year: 2025, organisationId: 'wjj' }));
    expect(good.statusCode).toBe(201);
  }, 60_000);

  it('a token that may not submit is refused before its workbook is read', async () => {
    const result = await watchServer(server, () => upload(files.sheetBomb!, admin));
    expect(result.value.statusCode).toBe(403);
    expect(result.value.json().error.code).toBe('auth.roleCannotSubmit');
  });

  it('the peak RSS of the whole run stayed under 512 MB', () => {
    expect(server.memory()!.peak).toBeLessThan(512 * MIB);
  });
});
