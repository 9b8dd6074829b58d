import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The real server process (node + tsx, as `npm start` runs it), with what the tests read from outside. */
export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resident set size now and its peak (VmRSS, VmHWM from /proc), in bytes; undefined once the process is gone. */
  memory(): { rss: number; peak: number } | undefined;
  /** SIGTERM, then SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `src/server/server.ts` in its own process on SQLite in `dataDir` (or on `DATABASE_URL` when the
 * env gives one), listening on a free loopback port. `openFiles` runs it under `ulimit -n` (systemd's
 * default soft limit is 1024), as a deployment without a raised LimitNOFILE would.
 */
export async function startServerProcess(dataDir: string, options: { env?: Record<string, string>; openFiles?: number } = {}): Promise<ServerProcess> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HTTPS: '0', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', ...options.env };
  const node = [process.execPath, '--import', 'tsx', join(ROOT, 'src', 'server', 'server.ts')];
  const child =
    options.openFiles === undefined
      ? spawn(node[0]!, node.slice(1), { cwd: ROOT, env })
      : spawn('bash', ['-c', `ulimit -n ${options.openFiles} && exec "$@"`, 'bash', ...node], { cwd: ROOT, env });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30_000);
    const look = () => {
      const match = /接口 API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the server exited:\n${output}`));
    });
  });
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    child,
    origin,
    exited,
    output: () => output,
    memory: () => {
      if (gone || child.pid === undefined) return undefined;
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return { rss: kib('VmRSS'), peak: kib('VmHWM') };
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** What happened to a server process while some work ran against it. */
export interface Watched<T> {
  readonly value: T;
  /** The slowest /healthz answer meanwhile (polled every 100 ms on a connection of its own), in ms. */
  readonly worstHealthMs: number;
  /** /healthz answers that were not 200, or failed. */
  readonly healthFailures: number;
  /** The highest resident set size seen meanwhile, in bytes. */
  readonly maxRss: number;
  readonly seconds: number;
}

/** Runs `work` while polling the server's /healthz and sampling its RSS (the tests and bench:hostile). */
export async function watchServer<T>(server: ServerProcess, work: () => Promise<T>): Promise<Watched<T>> {
  let running = true;
  let worstHealthMs = 0;
  let healthFailures = 0;
  let maxRss = server.memory()?.rss ?? 0;
  const poll = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const response = await fetch(`${server.origin}/healthz`);
        await response.arrayBuffer();
        if (response.status !== 200) healthFailures += 1;
      } catch {
        healthFailures += 1;
      }
      worstHealthMs = Math.max(worstHealthMs, Date.now() - started);
      maxRss = Math.max(maxRss, server.memory()?.rss ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    return { value, worstHealthMs, healthFailures, maxRss, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    running = false;
    await poll;
  }
}
