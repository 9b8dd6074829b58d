import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDatabase } from '../../src/server/db/prepare';
import { createToken } from '../../src/server/repositories/tokens';
import { startServerProcess } from './helpers/server-process';
import { send } from './helpers/test-app';
import { acceptableDocument } from './helpers/submission-fixtures';

/** The real server process (node + tsx), as `npm start` runs it, on SQLite in `dataDir`. */
const startServer = (dataDir: string) => startServerProcess(dataDir);

interface Ack {
  submissionId: string;
  version: number;
  values: number;
}

/** Fires submissions `parallel` at a time until `stop()` says so; collects every acknowledged receipt. */
async function burst(origin: string, tokens: readonly { org: string; token: string }[], options: { total: number; parallel: number; onAck: (acks: Ack[]) => void }): Promise<{ acks: Ack[]; failures: number }> {
  const acks: Ack[] = [];
  let failures = 0;
  let next = 0;
  const documents = new Map(tokens.map(({ org }) => [org, acceptableDocument({ organisationId: org })]));
  const worker = async () => {
    while (next < options.total) {
      const index = next++;
      const { org, token } = tokens[index % tokens.length]!;
      try {
        const response = await send(origin, { method: 'POST', url: '/api/v1/submissions', payload: documents.get(org)!, headers: { authorization: `Bearer ${token}`, 'idempotency-key': `burst-${index}` } });
        if (response.statusCode >= 200 && response.statusCode < 300) {
          const receipt = response.json();
          acks.push({ submissionId: receipt.submissionId, version: receipt.version, values: receipt.counts.values });
          options.onAck(acks);
        } else failures += 1;
      } catch {
        failures += 1; // the connection died with the server
      }
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  return { acks, failures };
}

describe('crash safety on SQLite (the real server process)', () => {
  let dataDir: string;
  let tokens: { org: string; token: string }[];
  let bureau: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'xpm-crash-'));
    const db = await prepareDatabase({ dataDir });
    tokens = [];
    for (const org of ['wjj', 'mzj', 'jtj', 'rsj']) tokens.push({ org, token: (await createToken(db, { organisationId: org, role: 'reporter' })).token });
    bureau = (await createToken(db, { organisationId: 'tjj', role: 'bureau' })).token;
    await db.destroy();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('kill -9 in the middle of a burst: every acknowledged submission is there after restart, complete; nothing partial', async () => {
    const server = await startServer(dataDir);
    let killed = false;
    const result = await burst(server.origin, tokens, {
      total: 400,
      parallel: 12,
      onAck: (acks) => {
        if (!killed && acks.length >= 40) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(result.failures).toBeGreaterThan(0);

    const restarted = await startServer(dataDir);
    try {
      for (const ack of result.acks) {
        const response = await send(restarted.origin, { method: 'GET', url: `/api/v1/submissions/${ack.submissionId}/versions/${ack.version}`, headers: { authorization: `Bearer ${bureau}` } });
        expect(response.statusCode).toBe(200);
        expect(response.json().values).toHaveLength(ack.values);
      }
    } finally {
      restarted.child.kill('SIGTERM');
      expect((await restarted.exited).code).toBe(0);
    }

    // no partial submission: every stored version has all its values and its audit event, every thread its versions
    const db = await prepareDatabase({ dataDir });
    try {
      const versions = await db
        .selectFrom('submission_versions as v')
        .select(['v.submission_id', 'v.version', 'v.value_count'])
        .select((eb) => [
          eb.selectFrom('submission_values as x').whereRef('x.submission_id', '=', 'v.submission_id').whereRef('x.version', '=', 'v.version').select(sql<number>`count(*)`.as('n')).as('stored'),
          eb.selectFrom('audit_events as a').whereRef('a.submission_id', '=', 'v.submission_id').whereRef('a.version', '=', 'v.version').where('a.action', '=', 'submitted').select(sql<number>`count(*)`.as('n')).as('audits'),
        ])
        .execute();
      expect(versions.length).toBeGreaterThanOrEqual(result.acks.length);
      for (const version of versions) {
        expect(Number(version.stored)).toBe(Number(version.value_count));
        expect(Number(version.audits)).toBe(1);
      }
      const threads = await db.selectFrom('submissions as s').select(['s.current_version']).select((eb) => eb.selectFrom('submission_versions as v').whereRef('v.submission_id', '=', 's.id').select(sql<number>`count(*)`.as('n')).as('versions')).execute();
      for (const thread of threads) expect(Number(thread.versions)).toBe(Number(thread.current_version));
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('SIGTERM during a burst: requests in flight are answered, then the process exits 0', async () => {
    const server = await startServer(dataDir);
    let terminated = false;
    const result = await burst(server.origin, tokens, {
      total: 60,
      parallel: 8,
      onAck: () => {
        if (!terminated) {
          terminated = true;
          server.child.kill('SIGTERM');
        }
      },
    });
    expect((await server.exited).code).toBe(0);
    expect(result.acks.length).toBeGreaterThan(1);
    const db = await prepareDatabase({ dataDir });
    try {
      for (const ack of result.acks) {
        const stored = await db.selectFrom('submission_values').select(sql<number>`count(*)`.as('n')).where('submission_id', '=', ack.submissionId).where('version', '=', ack.version).executeTakeFirstOrThrow();
        expect(Number(stored.n)).toBe(ack.values);
      }
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
