import { parseEndpointUrl, isMixedContent } from '../../../../src/client/endpoint-url';
import {
  clearEndpointToken,
  ENDPOINT_IDENTITY_KEY,
  ENDPOINT_TOKEN_KEY,
  ENDPOINT_URL_KEY,
  loadEndpointSettings,
  loadIdentity,
  normaliseToken,
  saveEndpointSettings,
  saveIdentity,
} from '../../../../src/apps/taskpane/settings/endpoint-settings';
import { memoryStore } from '../../../../src/client/storage';
import { strings } from '../../../../src/apps/taskpane/strings';
import { seedCatalog } from '../../../../src/seed-catalog';

const DEFAULT = 'https://localhost:3000';

describe('the endpoint address', () => {
  it.each([
    [' https://Tianbao.Example.gov.cn/ ', 'https://tianbao.example.gov.cn'],
    ['https://tianbao.example.gov.cn/api/v1/', 'https://tianbao.example.gov.cn'],
    ['https://tianbao.example.gov.cn/API/V1', 'https://tianbao.example.gov.cn'],
    ['https://gov.example/tianbao//', 'https://gov.example/tianbao'],
    ['https://gov.example/tianbao/api/v1?x=1#top', 'https://gov.example/tianbao'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['https://tianbao.example.gov.cn:8443', 'https://tianbao.example.gov.cn:8443'],
  ])('%j → %j', (typed, url) => {
    expect(parseEndpointUrl(typed)).toMatchObject({ ok: true, url });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['tianbao.example.gov.cn', 'notUrl'],
    ['ftp://tianbao.example.gov.cn', 'notHttp'],
    ['javascript:alert(1)', 'notHttp'],
    ['https://user:pw@tianbao.example.gov.cn', 'notUrl'],
  ])('%j is refused (%s)', (typed, problem) => {
    expect(parseEndpointUrl(typed)).toEqual({ ok: false, problem });
  });

  it('mixed content: http:// from an https:// page, except loopback', () => {
    const at = (url: string) => {
      const parsed = parseEndpointUrl(url);
      if (!parsed.ok) throw new Error(url);
      return parsed;
    };
    expect(isMixedContent(at('http://tianbao.example.gov.cn'), 'https://addin.example')).toBe(true);
    expect(isMixedContent(at('https://tianbao.example.gov.cn'), 'https://addin.example')).toBe(false);
    expect(isMixedContent(at('http://tianbao.example.gov.cn'), 'http://addin.example')).toBe(false);
    expect(isMixedContent(at('http://tianbao.example.gov.cn'), undefined)).toBe(false);
    for (const loopback of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://pane.localhost']) {
      expect(isMixedContent(at(loopback), 'https://addin.example')).toBe(false);
    }
  });
});

describe('endpoint settings in the per-user store', () => {
  it('defaults: the default endpoint and no token', () => {
    expect(loadEndpointSettings({ store: memoryStore(), defaultEndpoint: `${DEFAULT}/` })).toEqual({ url: DEFAULT, token: '' });
    expect(loadEndpointSettings({ store: memoryStore(), defaultEndpoint: '' })).toEqual({ url: '', token: '' });
  });

  it('saves the address and the token normalised, under the documented keys', () => {
    const store = memoryStore();
    const result = saveEndpointSettings({ store, defaultEndpoint: DEFAULT }, { url: ' https://tianbao.example.gov.cn/api/v1/ ', token: ' Bearer xpm_abc\n-def ' });
    expect(result).toEqual({ ok: true, settings: { url: 'https://tianbao.example.gov.cn', token: 'xpm_abc-def' } });
    expect(Object.fromEntries(store.data)).toEqual({ [ENDPOINT_URL_KEY]: 'https://tianbao.example.gov.cn', [ENDPOINT_TOKEN_KEY]: 'xpm_abc-def' });
    expect(loadEndpointSettings({ store, defaultEndpoint: DEFAULT })).toEqual({ url: 'https://tianbao.example.gov.cn', token: 'xpm_abc-def' });
  });

  it('an empty or default address follows the default; an empty token removes the stored one', () => {
    const store = memoryStore({ [ENDPOINT_URL_KEY]: 'https://old.example', [ENDPOINT_TOKEN_KEY]: 'xpm_old' });
    expect(saveEndpointSettings({ store, defaultEndpoint: DEFAULT }, { url: '  ', token: '' })).toEqual({ ok: true, settings: { url: DEFAULT, token: '' } });
    expect(store.data.size).toBe(0);
    saveEndpointSettings({ store, defaultEndpoint: DEFAULT }, { url: `${DEFAULT}/`, token: 'xpm_a' });
    expect(store.get(ENDPOINT_URL_KEY)).toBeNull();
  });

  it('a bad address saves nothing and says why; an empty one without a default is refused', () => {
    const store = memoryStore({ [ENDPOINT_TOKEN_KEY]: 'xpm_kept' });
    expect(saveEndpointSettings({ store, defaultEndpoint: DEFAULT }, { url: 'ftp://x', token: 'xpm_new' })).toEqual({ ok: false, problem: 'notHttp' });
    expect(saveEndpointSettings({ store, defaultEndpoint: '' }, { url: '', token: 'xpm_new' })).toEqual({ ok: false, problem: 'empty' });
    expect(Object.fromEntries(store.data)).toEqual({ [ENDPOINT_TOKEN_KEY]: 'xpm_kept' });
  });

  it('the identity of the last successful test is kept until the address or the token changes', () => {
    const store = memoryStore();
    const services = { store, defaultEndpoint: DEFAULT };
    saveEndpointSettings(services, { url: 'https://a.example', token: 'xpm_1' });
    saveIdentity(store, { organisationId: 'wjj', role: 'reporter' }, Date.parse('2026-03-01T08:00:00Z'));
    expect(JSON.parse(store.get(ENDPOINT_IDENTITY_KEY)!)).toEqual({ organisationId: 'wjj', role: 'reporter', checkedAt: '2026-03-01T08:00:00.000Z' });
    expect(loadIdentity(store)).toEqual({ organisationId: 'wjj', role: 'reporter', checkedAt: '2026-03-01T08:00:00.000Z' });

    saveEndpointSettings(services, { url: 'https://a.example/', token: ' xpm_1 ' }); // the same pair, typed differently
    expect(loadIdentity(store)).not.toBeNull();
    saveEndpointSettings(services, { url: 'https://a.example', token: 'xpm_2' });
    expect(loadIdentity(store)).toBeNull();

    saveIdentity(store, { organisationId: 'wjj', role: 'reporter' }, 0);
    saveEndpointSettings(services, { url: 'https://b.example', token: 'xpm_2' });
    expect(loadIdentity(store)).toBeNull();
  });

  it('an unreadable identity is none', () => {
    expect(loadIdentity(memoryStore({ [ENDPOINT_IDENTITY_KEY]: '{not json' }))).toBeNull();
    expect(loadIdentity(memoryStore({ [ENDPOINT_IDENTITY_KEY]: '{"organisationId":"wjj","role":"king","checkedAt":"x"}' }))).toBeNull();
  });

  it('clearing the token removes it and the identity, and keeps the address', () => {
    const store = memoryStore({ [ENDPOINT_URL_KEY]: 'https://a.example', [ENDPOINT_TOKEN_KEY]: 'xpm_1', [ENDPOINT_IDENTITY_KEY]: '{}' });
    clearEndpointToken(store);
    expect(Object.fromEntries(store.data)).toEqual({ [ENDPOINT_URL_KEY]: 'https://a.example' });
  });

  it('a pasted token loses spaces, line breaks and a "Bearer " prefix', () => {
    expect(normaliseToken('  xpm_AbC-d_e\r\n')).toBe('xpm_AbC-d_e');
    expect(normaliseToken('bearer xpm_x')).toBe('xpm_x');
    expect(normaliseToken('')).toBe('');
  });
});

describe('how the connection test names the organisation', () => {
  const catalog = seedCatalog();
  const byId = (id: string) => catalog.organisations.find((organisation) => organisation.id === id);

  it('gives the short name with the full name, once when they are the same (townships)', () => {
    const name = strings['zh-CN'].settings.result.organisationName;
    const wjj = byId('wjj');
    const township = catalog.organisations.find((organisation) => organisation.kind === 'township');
    expect(name(wjj, 'wjj')).toBe(`${wjj?.shortName}（${wjj?.name}）`);
    expect(township?.shortName).toBe(township?.name);
    expect(name(township, township?.id ?? '')).toBe(township?.name);
    expect(name(undefined, 'nobody')).toBe('单位编号 nobody');
  });
});
