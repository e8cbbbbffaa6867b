import { useCallback, useEffect, useState } from 'react';
import { applyTheme, onSystemThemeChange, storedTheme, storeTheme, systemTheme, type Theme } from './theme';

/** The stored choice wins; without one the page follows the system's prefers-color-scheme. */
export function useTheme(): { theme: Theme; toggleTheme: () => void } {
  const [choice, setChoice] = useState<Theme | null>(storedTheme);
  const [system, setSystem] = useState<Theme>(systemTheme);
  const theme = choice ?? system;

  useEffect(() => onSystemThemeChange(setSystem), []);

  useEffect(() => {
    applyTheme(theme);
  }, [theme]);

  const toggleTheme = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    storeTheme(next);
    setChoice(next);
  }, [theme]);

  return { theme, toggleTheme };
}
