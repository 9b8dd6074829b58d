import { DEFAULT_LOCALE, pickLocale, strings, type Locale } from '../../../src/apps/taskpane/strings';
import { chooseThemeKind, relativeLuminance } from '../../../src/apps/taskpane/theme';
import { decideView, type HostSnapshot } from '../../../src/apps/taskpane/view';

const snapshot = (overrides: Partial<HostSnapshot>): HostSnapshot => ({
  officeAvailable: true,
  host: 'Excel',
  displayLanguage: 'zh-CN',
  officeTheme: null,
  forcedColors: false,
  partitionKey: null,
  documentUrl: '',
  platform: null,
  ...overrides,
});

describe('pickLocale', () => {
  it('defaults to Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    for (const language of [null, undefined, '', 'zh-CN', 'zh-TW', 'zh', 'fr-FR', 'de', 'ja-JP', 'eng']) {
      expect(pickLocale(language)).toBe('zh-CN');
    }
  });

  it('chooses English for any English display language', () => {
    for (const language of ['en-US', 'en-GB', 'EN-us', 'en', 'en_AU', ' en-IN ']) {
      expect(pickLocale(language)).toBe('en-US');
    }
  });
});

describe('decideView', () => {
  it('shows the app inside Excel', () => {
    expect(decideView(snapshot({}))).toEqual({ kind: 'excel' });
  });

  it('explains the add-in when office.js is not available', () => {
    expect(decideView(snapshot({ officeAvailable: false, host: null }))).toEqual({
      kind: 'not-excel',
      reason: 'office-unavailable',
      host: null,
    });
  });

  it('explains the add-in in a plain browser (office.js loaded, no host)', () => {
    expect(decideView(snapshot({ host: null }))).toEqual({ kind: 'not-excel', reason: 'no-host', host: null });
  });

  it('explains the add-in in another Office application', () => {
    expect(decideView(snapshot({ host: 'Word' }))).toEqual({ kind: 'not-excel', reason: 'other-host', host: 'Word' });
  });
});

describe('chooseThemeKind', () => {
  it('is light without an Office theme', () => {
    expect(chooseThemeKind(null, false)).toBe('light');
    expect(chooseThemeKind({}, false)).toBe('light');
  });

  it('follows isDarkTheme when the host reports it', () => {
    expect(chooseThemeKind({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' }, false)).toBe('dark');
    expect(chooseThemeKind({ isDarkTheme: false, bodyBackgroundColor: '#000000' }, false)).toBe('light');
  });

  it('otherwise judges the body background colour', () => {
    expect(chooseThemeKind({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
    expect(chooseThemeKind({ bodyBackgroundColor: '#FFFFFF' }, false)).toBe('light');
    expect(chooseThemeKind({ bodyBackgroundColor: '#E6E6E6' }, false)).toBe('light');
    expect(chooseThemeKind({ bodyBackgroundColor: 'not a colour' }, false)).toBe('light');
  });

  it('uses high contrast when the system forces colours', () => {
    expect(chooseThemeKind({ isDarkTheme: true }, true)).toBe('highContrast');
    expect(chooseThemeKind(null, true)).toBe('highContrast');
  });

  it('computes relative luminance', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
    expect(relativeLuminance('#12345')).toBeNull();
  });
});

describe('strings', () => {
  it('has the same keys in both languages and the product title in Chinese', () => {
    const shape = (locale: Locale) => JSON.stringify(Object.keys(strings[locale].notInExcel).sort());
    expect(shape('en-US')).toBe(shape('zh-CN'));
    expect(strings['zh-CN'].notInExcel.steps).toHaveLength(strings['en-US'].notInExcel.steps.length);
    expect(strings['zh-CN'].productTitle).toBe('新平妇女儿童发展规划监测填报');
    expect(strings['zh-CN'].notInExcel.reason['other-host']('Word')).toContain('Word');
  });
});
