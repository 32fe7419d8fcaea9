import { useEffect, useId } from 'react';
import type { Theme } from '../../../electron/api/contract';
import { useAppStore } from '../store/context';

/** The chooser's words, in one place. */
const THEME_WORDS: Readonly<Record<Theme, string>> & { readonly label: string } = {
  label: 'Theme',
  system: 'As the system',
  light: 'Light',
  dark: 'Dark',
};

/**
 * Light, dark, or as the operating system says (prefers-color-scheme), remembered between runs.
 * The choice is the page's data-theme attribute: styles.css reads it (and the system's setting
 * when it is absent), so nothing else needs to know.
 */
export function ThemeChooser() {
  const theme = useAppStore((s) => s.settings.theme);
  const set = useAppStore((s) => s.setTheme);
  const id = useId();
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="theme">
      <label htmlFor={id}>{THEME_WORDS.label}</label>
      <select id={id} value={theme} onChange={(event) => void set(event.target.value as Theme)}>
        {(['system', 'light', 'dark'] as const).map((t) => (
          <option key={t} value={t}>
            {THEME_WORDS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
