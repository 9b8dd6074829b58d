import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const DOCS = join(__dirname, '..', '..', 'docs');
const DEPLOY = join(DOCS, 'deploy');
const UNITS = ['xinping-monitor.service', 'xinping-backup.service', 'xinping-backup.timer'] as const;

const read = (name: string) => readFileSync(join(DEPLOY, name), 'utf8');

/** A program on PATH (or an absolute path), if it exists here. */
function findProgram(name: string): string | undefined {
  if (name.includes('/')) return existsSync(name) ? name : undefined;
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(folder, name);
    if (folder && existsSync(path)) return path;
  }
  return undefined;
}

/**
 * A systemd unit file as sections of key → values (a key may repeat: Environment=, ExecStartPost=), parsed the
 * way systemd reads it: comments start with # or ;, a trailing backslash continues the line.
 */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[([A-Za-z]+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      return;
    }
    const pair = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`line ${index + 1} is neither a [Section] nor Key=value: ${raw}`);
    current.set(pair[1]!, [...(current.get(pair[1]!) ?? []), pair[2]!]);
  });
  return sections;
}

function value(unit: Map<string, Map<string, string[]>>, section: string, key: string): string[] {
  return unit.get(section)?.get(key) ?? [];
}

describe('docs/deploy: the systemd units', () => {
  it('xinping-monitor.service: how the server is run, restarted, limited and confined', () => {
    const unit = parseUnit(read('xinping-monitor.service'));
    expect([...unit.keys()]).toEqual(['Unit', 'Service', 'Install']);
    const service = (key: string) => value(unit, 'Service', key);
    expect(service('ExecStart')).toEqual(['/usr/bin/node --import tsx src/server/server.ts']);
    expect(service('WorkingDirectory')).toEqual(['/opt/xinping']);
    expect(service('User')).toEqual(['xinping']);
    expect(service('Restart')).toEqual(['on-failure']);
    expect(service('RestartSec')).toEqual(['2']);
    expect(service('LimitNOFILE')).toEqual(['65536']);
    // longer than the server's own 10 s drain, so systemd never kills it mid-drain
    expect(Number(service('TimeoutStopSec')[0])).toBeGreaterThan(10);
    expect(service('Environment')).toEqual(expect.arrayContaining(['HTTPS=0', 'DATA_DIR=/var/lib/xinping', 'HOST=127.0.0.1']));
    expect(service('EnvironmentFile')).toHaveLength(1);
    for (const [key, expected] of [['NoNewPrivileges', 'true'], ['ProtectSystem', 'strict'], ['ReadWritePaths', '/var/lib/xinping'], ['PrivateTmp', 'true']]) {
      expect([key, service(key!)]).toEqual([key, [expected]]);
    }
    expect(value(unit, 'Install', 'WantedBy')).toEqual(['multi-user.target']);
  });

  it('xinping-backup.service and .timer: a daily checked backup, old copies pruned only after a good one', () => {
    const service = parseUnit(read('xinping-backup.service'));
    const get = (key: string) => value(service, 'Service', key);
    expect(get('Type')).toEqual(['oneshot']);
    expect(get('User')).toEqual(['xinping']);
    expect(get('ExecStart')).toHaveLength(1);
    expect(get('ExecStart')[0]).toContain('bin/indicators.js backup --force --out "/var/backups/xinping/xinping-$$(date +%%F).sqlite"');
    expect(get('ExecStartPost').join('\n')).toMatch(/find \/var\/backups\/xinping .*-mtime \+30 -delete/);
    expect(get('ReadWritePaths')[0]?.split(' ')).toEqual(expect.arrayContaining(['/var/lib/xinping', '/var/backups/xinping']));
    const timer = parseUnit(read('xinping-backup.timer'));
    expect(value(timer, 'Timer', 'OnCalendar')).toHaveLength(1);
    expect(value(timer, 'Timer', 'Persistent')).toEqual(['true']);
    expect(value(timer, 'Install', 'WantedBy')).toEqual(['timers.target']);
  });

  const systemdAnalyze = findProgram('systemd-analyze');
  (systemdAnalyze ? it : it.skip)('systemd-analyze verify accepts them without a single warning', () => {
    // verify exits 0 even for unknown keys or values it ignores: any line naming our files is a failure.
    // It also checks that ExecStart's program exists: on a machine whose node is elsewhere, verify a copy
    // pointing at this node (the syntax is what is checked, not this machine's layout).
    const folder = mkdtempSync(join(tmpdir(), 'xpm-units-'));
    try {
      for (const name of UNITS) {
        const text = existsSync('/usr/bin/node') ? read(name) : read(name).replaceAll('/usr/bin/node', process.execPath);
        writeFileSync(join(folder, name), text);
      }
      const result = spawnSync(systemdAnalyze!, ['verify', ...UNITS.map((name) => join(folder, name))], { encoding: 'utf8' });
      const complaints = `${result.stdout}${result.stderr}`.split('\n').filter((line) => UNITS.some((name) => line.includes(name)));
      expect(complaints).toEqual([]);
      expect(result.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('docs/deploy/nginx.conf: the TLS reverse proxy', () => {
  const text = read('nginx.conf');
  const code = text.split('\n').map((line) => line.replace(/#.*$/, '')).join('\n');

  /** The top-level blocks `server { … }` with their bodies (nested blocks included). */
  function servers(): string[] {
    const found: string[] = [];
    let depth = 0;
    let start = -1;
    for (let index = 0; index < code.length; index += 1) {
      if (code[index] === '{') {
        if (depth === 0) start = index;
        depth += 1;
      } else if (code[index] === '}') {
        depth -= 1;
        if (depth < 0) throw new Error(`unbalanced } at ${index}`);
        if (depth === 0) found.push(code.slice(code.lastIndexOf('server', start), index + 1));
      }
    }
    expect(depth).toBe(0);
    return found;
  }

  it('port 80 redirects; 443 speaks TLS with the limits and timeouts, and forwards to 127.0.0.1:3000', () => {
    expect(code).toMatch(/^limit_conn_zone \$binary_remote_addr zone=\w+:\d+m;$/m);
    expect(code).toMatch(/^limit_req_zone\s+\$binary_remote_addr zone=\w+:\d+m rate=\d+r\/s;$/m);
    const [plain, tls, ...more] = servers();
    expect(more).toEqual([]);
    expect(plain).toMatch(/listen 80;/);
    expect(plain).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    for (const directive of [
      /listen 443 ssl http2;/,
      /ssl_certificate\s+\S+;/,
      /ssl_certificate_key\s+\S+;/,
      /client_max_body_size 11m;/,
      /client_header_timeout 10s;/,
      /client_body_timeout 30s;/,
      /send_timeout 30s;/,
      /limit_conn \w+ \d+;/,
      /limit_req zone=\w+ burst=\d+ nodelay;/,
      /proxy_pass http:\/\/127\.0\.0\.1:3000;/,
      /proxy_set_header Host \$host;/,
      // replaced, not appended: the server trusts X-Forwarded-For behind the proxy (HTTPS=0)
      /proxy_set_header X-Forwarded-For \$remote_addr;/,
      /proxy_set_header X-Forwarded-Proto \$scheme;/,
    ]) {
      expect(tls).toMatch(directive);
    }
  });

  // NGINX_BIN=/path/to/nginx points at a binary that is not on PATH (e.g. unpacked from the Debian package)
  const nginx = findProgram(process.env.NGINX_BIN ?? 'nginx');
  const openssl = findProgram('openssl');
  (nginx && openssl ? it : it.skip)('nginx -t accepts it (inside an http block, with a throw-away certificate)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'xpm-nginx-'));
    try {
      execFileSync(openssl!, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem'), '-days', '1', '-subj', '/CN=test'], { stdio: 'ignore' });
      writeFileSync(join(folder, 'site.conf'), text.replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${join(folder, 'cert.pem')};`).replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${join(folder, 'key.pem')};`));
      const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(folder, kind)};`).join('\n');
      writeFileSync(join(folder, 'main.conf'), `pid ${join(folder, 'nginx.pid')};\nerror_log stderr;\nevents {}\nhttp {\n${temp}\n  access_log off;\n  include ${join(folder, 'site.conf')};\n}\n`);
      const result = spawnSync(nginx!, ['-t', '-p', folder, '-c', join(folder, 'main.conf')], { encoding: 'utf8' });
      expect(result.stderr).toContain('test is successful');
      expect(result.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('docs/operations.md', () => {
  const guide = readFileSync(join(DOCS, 'operations.md'), 'utf8');

  it.each([...UNITS, 'nginx.conf'])('shows docs/deploy/%s in full, as it is', (name) => {
    expect(guide).toContain(read(name).trimEnd());
  });

  it('covers installing, backing up, the restore drill and the logs; keeps the limits section for the hardening work', () => {
    for (const command of [
      'npm ci',
      'npm run build',
      'useradd --system',
      '/var/lib/xinping',
      'systemctl enable --now xinping-monitor',
      'indicators backup --out /var/backups/xinping/xinping-$(date +%F).sqlite',
      'systemctl enable --now xinping-backup.timer',
      'pg_dump --format=custom --file',
      'pg_restore --clean --if-exists',
      'systemctl stop xinping-monitor',
      'curl -fsS http://127.0.0.1:3000/healthz',
      'journalctl -u xinping-monitor',
      'ALLOWED_ORIGINS=https://',
    ]) {
      expect([command, guide.includes(command)]).toEqual([command, true]);
    }
    expect(guide).toMatch(/^## 限额与拒绝 \/ Limits and refusals$/m);
  });
});
