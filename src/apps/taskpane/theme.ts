/**
 * Fluent UI theme for the task pane, chosen from the Office theme when the host reports one.
 * `chooseThemeKind` is pure (unit-tested); `fluentTheme` maps the kind to a Fluent theme object.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The part of `Office.context.officeTheme` the choice depends on (all optional: hosts differ). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string | null;
  isDarkTheme?: boolean | null;
}

export type ThemeKind = 'light' | 'dark' | 'highContrast';

export function chooseThemeKind(officeTheme: OfficeThemeColors | null, forcedColors: boolean): ThemeKind {
  if (forcedColors) return 'highContrast';
  if (!officeTheme) return 'light';
  if (typeof officeTheme.isDarkTheme === 'boolean') return officeTheme.isDarkTheme ? 'dark' : 'light';
  const luminance = relativeLuminance(officeTheme.bodyBackgroundColor);
  return luminance !== null && luminance < 0.5 ? 'dark' : 'light';
}

export function fluentTheme(kind: ThemeKind): Theme {
  switch (kind) {
    case 'dark':
      return webDarkTheme;
    case 'highContrast':
      return teamsHighContrastTheme;
    case 'light':
      return webLightTheme;
  }
}

/** Relative luminance (0 black … 1 white) of a `#rgb` / `#rrggbb` colour; null if it is not one. */
export function relativeLuminance(color: string | null | undefined): number | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  const hex = match?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
