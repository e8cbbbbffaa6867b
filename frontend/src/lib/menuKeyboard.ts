import type { KeyboardEvent } from 'react';

/**
 * The keys of a WAI-ARIA menu button's open menu: Down/Up move round the items, Home/End jump, Escape closes and
 * gives the focus back to the button, Tab closes and lets the focus move on. Shared by every menu in the app.
 */
export function onMenuKey(
  event: KeyboardEvent<HTMLElement>,
  items: readonly HTMLElement[],
  close: (returnFocus: boolean) => void,
) {
  const index = items.indexOf(document.activeElement as HTMLElement);
  const moves: Partial<Record<string, number>> = {
    ArrowDown: (index + 1) % items.length,
    ArrowUp: (index - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  const next = moves[event.key];
  if (next !== undefined) {
    event.preventDefault();
    items[next]?.focus();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    close(true);
  } else if (event.key === 'Tab') {
    close(false);
  }
}
