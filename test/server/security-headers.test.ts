import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './helpers/test-app';

describe('security headers and the served folder', () => {
  let t: TestApp;
  let outside: string;
  let pane: string;
  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'xpm-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'not for the web');
    pane = mkdtempSync(join(tmpdir(), 'xpm-pane-'));
    writeFileSync(join(pane, 'taskpane.html'), '<!doctype html><title>pane</title>');
    mkdirSync(join(pane, 'assets'));
    writeFileSync(join(pane, 'assets', 'app.js'), 'console.log(1)');
    symlinkSync(join(outside, 'secret.txt'), join(pane, 'leak.txt'));
    symlinkSync(outside, join(pane, 'linked-folder'));
    t = await startTestApp('sqlite', { TASKPANE_DIR: pane });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(outside, { recursive: true, force: true });
    rmSync(pane, { recursive: true, force: true });
  });

  it('the task pane page carries a CSP that lets Office frame it and run office.js, and nothing else', async () => {
    const page = await t.request(undefined, { method: 'GET', url: '/taskpane.html' });
    expect(page.statusCode).toBe(200);
    const csp = page.headers['content-security-policy'] ?? '';
    const directive = (name: string) => csp.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? '';
    expect(directive('default-src')).toContain("'self'");
    expect(directive('script-src')).toContain('https://appsforoffice.microsoft.com');
    expect(directive('script-src')).not.toContain("'unsafe-inline'");
    expect(directive('object-src')).toBe("object-src 'none'");
    // Excel on the web (global and 21Vianet) frames the pane
    for (const ancestor of ['https://*.officeapps.live.com', 'https://*.sharepoint.com', 'https://*.office.com', 'https://*.officewebapps.cn']) {
      expect(directive('frame-ancestors')).toContain(ancestor);
    }
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // X-Frame-Options would forbid Excel on the web to frame the pane: frame-ancestors says who may
    expect(page.headers['x-frame-options']).toBeUndefined();
  });

  it('API answers are never framed and never sniffed', async () => {
    const health = await t.request(undefined, { method: 'GET', url: '/api/v1/healthz' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('a symlink in the served folder is not followed out of it', async () => {
    expect((await t.request(undefined, { method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    for (const url of ['/leak.txt', '/linked-folder/secret.txt']) {
      const response = await t.request(undefined, { method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('not for the web');
    }
  });
});
