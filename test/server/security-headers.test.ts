import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './helpers/test-app';

describe('security headers and the served folder', () => {
  let t: TestApp;
  let outside: string;
  let pane: string;
  let web: string;
  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'xpm-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'not for the web');
    pane = mkdtempSync(join(tmpdir(), 'xpm-pane-'));
    writeFileSync(join(pane, 'taskpane.html'), '<!doctype html><title>pane</title>');
    mkdirSync(join(pane, 'assets'));
    writeFileSync(join(pane, 'assets', 'app.js'), 'console.log(1)');
    symlinkSync(join(outside, 'secret.txt'), join(pane, 'leak.txt'));
    symlinkSync(outside, join(pane, 'linked-folder'));
    web = mkdtempSync(join(tmpdir(), 'xpm-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>web app</title>');
    writeFileSync(join(web, 'web.0123abcd.js'), 'console.log(2)');
    symlinkSync(join(outside, 'secret.txt'), join(web, 'leak.js'));
    t = await startTestApp('sqlite', { TASKPANE_DIR: pane, WEB_DIR: web });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(outside, { recursive: true, force: true });
    rmSync(pane, { recursive: true, force: true });
    rmSync(web, { recursive: true, force: true });
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

  it('the web app owns /: its index.html at / and for its routes under /web/, its files under /web/; never framed', async () => {
    for (const url of ['/', '/web/', '/web/bureau/completeness', '/web/portal?plan=children']) {
      const page = await t.request(undefined, { method: 'GET', url });
      expect([url, page.statusCode, page.body]).toEqual([url, 200, '<!doctype html><title>web app</title>']);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    const script = await t.request(undefined, { method: 'GET', url: '/web/web.0123abcd.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await t.request(undefined, { method: 'GET', url: '/web/missing.js' })).statusCode).toBe(404);
    // the task pane keeps its URLs (those of manifest.xml)
    expect((await t.request(undefined, { method: 'GET', url: '/taskpane.html' })).body).toContain('<title>pane</title>');
  });

  it('a symlink in a served folder is not followed out of it', async () => {
    expect((await t.request(undefined, { method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    for (const url of ['/leak.txt', '/linked-folder/secret.txt', '/web/leak.js']) {
      const response = await t.request(undefined, { method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('not for the web');
    }
  });
});
