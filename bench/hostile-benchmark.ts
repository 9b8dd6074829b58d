/**
 * npm run bench:hostile — the attacks of the hardening issue against the real server process (SQLite in a
 * temp folder, as `npm start` runs it), one after another, printing per attack: the statuses answered, the
 * seconds it took, the server's highest RSS while it ran, and the worst /healthz latency meanwhile (polled
 * every 100 ms from another connection). A script that prints figures, not a test: the assertions are in
 * test/server/hostile-uploads.test.ts, slow-clients.test.ts and abuse-limits.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../src/server/db/prepare';
import { createToken } from '../src/server/repositories/tokens';
import { XLSX_CONTENT_TYPE } from '../src/server/routes/upload-routes';
import { farCellTemplate, lyingSizeBomb, manyEntries, mediaBomb, sheetXmlBomb } from '../test/helpers/hostile-xlsx';
import { startServerProcess, watchServer, type ServerProcess } from '../test/server/helpers/server-process';
import { acceptableDocument } from '../test/server/helpers/submission-fixtures';
import { send, type TestResponse } from '../test/server/helpers/test-app';

const MIB = 1024 * 1024;

interface Row {
  attack: string;
  statuses: string;
  seconds: number;
  peakRssMb: number;
  worstHealthMs: number;
  healthFailures: number;
}

/** Runs `work` against the server, watching its health and memory. */
async function measure(server: ServerProcess, attack: string, work: () => Promise<number[]>): Promise<Row> {
  const watched = await watchServer(server, work);
  const counted = new Map<number, number>();
  for (const status of watched.value) counted.set(status, (counted.get(status) ?? 0) + 1);
  return {
    attack,
    statuses: [...counted].map(([status, count]) => (count === 1 ? String(status) : `${count}×${status}`)).join(' '),
    seconds: watched.seconds,
    peakRssMb: watched.maxRss / MIB,
    worstHealthMs: watched.worstHealthMs,
    healthFailures: watched.healthFailures,
  };
}

async function slowloris(server: ServerProcess, count: number, holdMs: number): Promise<number[]> {
  const port = Number(new URL(server.origin).port);
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  let closed = 0;
  for (let i = 0; i < count; i += 1) {
    const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
    socket.on('error', () => undefined);
    socket.on('close', () => (closed += 1));
    socket.on('connect', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      timers.push(setInterval(() => socket.write(`X-Slow: ${i}\r\n`), 2000));
    });
    sockets.push(socket);
  }
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  const newClient = await send(server.origin, { method: 'GET', url: '/healthz' }).then((response) => response.statusCode, () => 0);
  timers.forEach(clearInterval);
  sockets.forEach((socket) => socket.destroy());
  // the statuses: the new client's, then how many attack connections the server had cut off (as "closed")
  return [newClient, ...Array(closed).fill(-1)];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xpm-bench-hostile-'));
  const db = await prepareDatabase({ dataDir });
  const reporter = (await createToken(db, { organisationId: 'wjj', role: 'reporter' })).token;
  const admin = (await createToken(db, { organisationId: 'tjj', role: 'admin' })).token;
  await db.destroy();
  const files = {
    'far cell XFD1048576': await farCellTemplate('XFD1048576'),
    'far cell XFD2000': await farCellTemplate('XFD2000'),
    'far cell A1048576': await farCellTemplate('A1048576'),
    'sheet XML bomb (300 MB)': await sheetXmlBomb(300 * MIB),
    'media bomb (1.5 GB)': await mediaBomb(1536 * MIB),
    'lying-size bomb (300 MB)': await lyingSizeBomb(300 * MIB),
    '10,000 zip entries': await manyEntries(10_000),
  };
  const server = await startServerProcess(dataDir, { openFiles: 1024, env: { MAX_CONNECTIONS_PER_ADDRESS: '128', LOG_LEVEL: 'error' } });
  const upload = (bytes: Uint8Array, token = reporter): Promise<TestResponse> =>
    send(server.origin, { method: 'POST', url: '/api/v1/submissions/upload', payload: bytes, headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE } });
  const rows: Row[] = [];
  try {
    for (const [name, bytes] of Object.entries(files)) {
      rows.push(await measure(server, `${name} (${(bytes.length / 1024).toFixed(0)} KiB)`, async () => [(await upload(bytes)).statusCode]));
    }
    const bombs = [files['far cell XFD1048576'], files['sheet XML bomb (300 MB)'], files['media bomb (1.5 GB)'], files['lying-size bomb (300 MB)']];
    rows.push(await measure(server, 'four bombs in parallel', async () => (await Promise.all(bombs.map((bytes) => upload(bytes)))).map((response) => response.statusCode)));
    rows.push(await measure(server, 'a bomb with an admin token', async () => [(await upload(files['sheet XML bomb (300 MB)'], admin)).statusCode]));
    rows.push(
      await measure(server, '1,000 requests with bad tokens', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 1000; i += 1) statuses.push((await send(server.origin, { method: 'GET', url: '/api/v1/submissions', headers: { authorization: `Bearer xpm_guess${i}` } })).statusCode);
        return statuses;
      }),
    );
    const document = acceptableDocument({ organisationId: 'wjj', count: 3 });
    rows.push(
      await measure(server, 'a note with U+0000', async () => {
        const values = document.values.map((value, index) => (index === 0 ? { ...value, note: 'a\u0000b' } : value));
        return [(await send(server.origin, { method: 'POST', url: '/api/v1/submissions', headers: { authorization: `Bearer ${reporter}` }, payload: { ...document, values } })).statusCode];
      }),
    );
    rows.push(
      await measure(server, '`parsed` nested 20,000 deep', async () => {
        const payload = JSON.stringify({ ...document, values: document.values.map((value, index) => (index === 0 ? { ...value, parsed: 'DEEP' } : value)) }).replace('"DEEP"', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
        return [(await send(server.origin, { method: 'POST', url: '/api/v1/submissions', headers: { authorization: `Bearer ${reporter}`, 'content-type': 'application/json' }, payload })).statusCode];
      }),
    );
    rows.push(await measure(server, 'slowloris: 1,100 connections held 15 s (a new client, then each cut off as -1)', () => slowloris(server, 1100, 15_000)));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const header = ['attack', 'statuses', 'seconds', 'peak RSS (MB)', 'worst /healthz (ms)', '/healthz failures'];
  const lines = [header, ...rows.map((row) => [row.attack, row.statuses, row.seconds.toFixed(2), row.peakRssMb.toFixed(0), String(row.worstHealthMs), String(row.healthFailures)])];
  const widths = header.map((_title, column) => Math.max(...lines.map((line) => line[column]!.length)));
  process.stdout.write(`${lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
