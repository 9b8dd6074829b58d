/**
 * Keeps the README true (its front-door promises) and the docs' links whole:
 * - README.md stays under 15,000 bytes;
 * - every command of its ```sh blocks works: `npm ci` and `npm test` are what CI runs (.ci/run, checked
 *   textually: running them here would reinstall node_modules and run this test again); `npm start` is
 *   started for real (it builds both front ends first) on a free port with a temporary DATA_DIR, answers
 *   /healthz, / (the web app) and /taskpane.html, and stops on SIGTERM; every other command runs with
 *   `bash -c` in the repository root with a temporary DATA_DIR and must exit 0 — the files it writes into
 *   the repository root are removed again;
 * - every relative link of README.md and docs/**\/*.md points to a file (and heading) that exists.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const README = join(ROOT, 'README.md');
const readme = readFileSync(README, 'utf8');

/** The server's start banner (src/server/server.ts), as test/server/helpers/server-process.ts reads it. */
const BANNER = /接口 API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/;
/** `npm start` builds the task pane and the web app with webpack before it listens: about a minute on the CI machine. */
const START_TIMEOUT_MS = 5 * 60_000;

/** Fenced code blocks of a markdown text: their info string (`sh`, `json` …) and their lines. */
function codeBlocks(markdown: string): { info: string; lines: string[] }[] {
  const blocks: { info: string; lines: string[] }[] = [];
  let open: { fence: string; info: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(`{3,}|~{3,})\s*(\S*)/.exec(line);
    if (!open) {
      if (fence) open = { fence: fence[1]!, info: fence[2]!, lines: [] };
    } else if (fence && fence[1]!.startsWith(open.fence) && fence[2] === '') {
      blocks.push({ info: open.info, lines: open.lines });
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  return blocks;
}

/**
 * Splits a shell line into its commands: a `#` comment (outside quotes, at the start or after a blank) is
 * dropped, `&&` (outside quotes) separates commands.
 */
function commandsOfLine(line: string): string[] {
  const commands: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]!))) {
      break;
    } else if (char === '&' && line[index + 1] === '&') {
      commands.push(current);
      current = '';
      index += 1;
    } else {
      current += char;
    }
  }
  commands.push(current);
  return commands.map((command) => command.trim()).filter(Boolean);
}

/** Every command of the README's ```sh blocks, in order (a trailing backslash continues a line). */
function readmeCommands(): string[] {
  return codeBlocks(readme)
    .filter((block) => block.info === 'sh')
    .flatMap((block) => block.lines.join('\n').replace(/\\\n/g, ' ').split('\n'))
    .flatMap(commandsOfLine);
}

const commands = readmeCommands();
const CI_COMMANDS: string[] = commands.filter((command) => /^npm (ci|test)$/.test(command));
const START: string[] = commands.filter((command) => command === 'npm start');
const OTHERS = commands.filter((command) => !CI_COMMANDS.includes(command) && !START.includes(command));

/** The environment of a command: the repository's database never touched, the server's own settings left out. */
function commandEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...extra };
  // what jest sets for itself, not what a person running the README has
  delete env.NODE_ENV;
  delete env.JEST_WORKER_ID;
  return env;
}

describe('README.md', () => {
  it('is a front door: under 15,000 bytes', () => {
    expect(statSync(README).size).toBeLessThan(15_000);
  });

  it('gives the two commands (npm ci && npm start, npm test) and a few more', () => {
    expect(START).toEqual(['npm start']);
    expect(CI_COMMANDS).toEqual(['npm ci', 'npm test']);
    expect(OTHERS.length).toBeGreaterThan(0);
  });

  describe('`npm ci` and `npm test` are what CI runs', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const ciCommands = ci.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));

    it.each(CI_COMMANDS)('.ci/run runs `%s`', (command) => {
      expect(ciCommands.some((line) => line === command || line.startsWith(`${command} `))).toBe(true);
    });
  });

  describe('`npm start`', () => {
    let dataDir: string;
    let child: ChildProcessWithoutNullStreams | undefined;
    let output = '';

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'xpm-readme-start-'));
    });

    afterAll(() => {
      // whatever happened, nothing of it outlives the test: the whole process group (npm, sh, node, esbuild)
      if (child?.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      child?.stdout.destroy();
      child?.stderr.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(
      'builds both front ends, serves /healthz, the web app at / and the pane at /taskpane.html, and stops on SIGTERM',
      async () => {
        // detached: its own process group, which a terminal's Ctrl-C or systemd would signal as a whole
        // (npm forwards SIGTERM to its `sh -c` only, which does not pass it on to the server)
        const started = spawn('npm', ['start'], {
          cwd: ROOT,
          env: commandEnv(dataDir, { PORT: '0', HOST: '127.0.0.1', HTTPS: '0' }),
          detached: true,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        child = started;
        started.stdin.end();
        started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => started.on('exit', (code, signal) => done({ code, signal })));

        const origin = await new Promise<string>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`npm start printed no banner within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-4000)}`)), START_TIMEOUT_MS);
          const look = () => {
            const match = BANNER.exec(output);
            if (match?.[1]) {
              clearTimeout(timer);
              done(match[1]);
            }
          };
          started.stdout.on('data', look);
          started.stderr.on('data', look);
          void exited.then(({ code, signal }) => {
            clearTimeout(timer);
            fail(new Error(`npm start ended (${code ?? signal}) before its banner:\n${output.slice(-4000)}`));
          });
        });

        const health = await fetch(`${origin}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite', storage: { writable: true } });

        const web = await fetch(`${origin}/`);
        expect(web.status).toBe(200);
        expect(web.headers.get('content-type')).toMatch(/^text\/html/);
        const page = await web.text();
        expect(page).toMatch(/<div id="?root"?>/);
        expect(page).toContain('<title>新平妇女儿童发展规划监测</title>');
        expect(page).toMatch(/<script[^>]+src="?\/web\/[^"\s>]+\.js/);

        const pane = await fetch(`${origin}/taskpane.html`);
        expect(pane.status).toBe(200);
        expect(await pane.text()).toMatch(/office\.js/);

        process.kill(-started.pid!, 'SIGTERM');
        await exited;
        // the server closed gracefully (server.ts logs it) and no longer answers
        await waitUntil(async () => !(await answers(`${origin}/healthz`)), 15_000);
        expect(output).toContain('closing: finishing in-flight requests');
        expect(existsSync(join(dataDir, 'xinping.sqlite'))).toBe(true);
      },
      START_TIMEOUT_MS + 60_000,
    );
  });

  describe('every other command of its ```sh blocks exits 0 in the repository root', () => {
    // one data folder for all of them, in order, as one person would run them one after another
    let dataDir: string;

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'xpm-readme-'));
    });

    afterAll(() => {
      rmSync(dataDir, { recursive: true, force: true });
    });

    it.each(OTHERS)(
      '%s',
      (command) => {
        const before = new Set(readdirSync(ROOT));
        const result = spawnSync('bash', ['-c', command], { cwd: ROOT, env: commandEnv(dataDir), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
        // what it wrote into the repository root: removed when the command names it, reported otherwise
        // (a file it does not name could be someone else's: it is left alone and the test fails)
        const written = readdirSync(ROOT).filter((name) => !before.has(name));
        const named = written.filter((name) => command.includes(name));
        for (const name of named) rmSync(join(ROOT, name), { recursive: true, force: true });
        const report = `exit ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`;
        expect([command, result.status, result.status === 0 ? '' : report]).toEqual([command, 0, '']);
        expect(written.filter((name) => !named.includes(name))).toEqual([]);
      },
      150_000,
    );
  });
});

describe('relative links of README.md and docs/', () => {
  const files = [README, ...markdownFiles(join(ROOT, 'docs'))];

  it('finds the documents', () => {
    expect(files.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['README.md', join('docs', 'operations.md')]));
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))('%s: every relative link points to a file (and heading) that exists', (_name, file) => {
    const broken: string[] = [];
    for (const target of relativeLinks(readFileSync(file, 'utf8'))) {
      const [pathPart = '', anchor] = target.split('#', 2) as [string, string | undefined];
      const path = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart));
      if (!existsSync(path)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor !== undefined && anchor !== '' && path.endsWith('.md') && !headingSlugs(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor))) {
        broken.push(`${target}: no heading #${anchor} in ${relative(ROOT, path)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The markdown text outside fenced code blocks, with inline code spans emptied. */
function prose(markdown: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence === undefined) kept.push(line.replace(/`[^`\n]*`/g, '``'));
  }
  return kept.join('\n');
}

/** The targets of inline links and images (`[text](target "title")`) and of link definitions (`[id]: target`), relative ones only. */
function relativeLinks(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g)].map((match) => match[1]!);
  const definitions = [...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+["'][^"']*["'])?\s*$/gm)].map((match) => match[1]!);
  return [...inline, ...definitions].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** The anchors GitHub makes for a document's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    const heading = fence === undefined ? /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1] : undefined;
    if (heading === undefined) continue;
    const text = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
