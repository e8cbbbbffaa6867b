import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { onMenuKey } from '../../../lib/menuKeyboard';
import { CAPTIONS_OFF, type CaptionOption } from './captions';
import styles from './CaptionsMenu.module.css';

interface Props {
  options: readonly CaptionOption[];
  current: number;
  onChoose: (id: number) => void;
}

/** The player's CC menu button: Off plus one radio item per subtitle rendition (WAI-ARIA menu button). */
export function CaptionsMenu({ options, current, onChoose }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const showing = options.find((option) => option.id === current);

  function items(): HTMLElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    const all = items();
    (all.find((item) => item.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  function choose(id: number) {
    onChoose(id);
    close(true);
  }

  const choices = [{ id: CAPTIONS_OFF, language: '', label: 'Off' }, ...options];
  return (
    <div className={styles.wrapper}>
      <button
        ref={buttonRef}
        type="button"
        className={`${styles.trigger ?? ''} ${showing ? (styles.on ?? '') : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`CC, captions: ${showing ? showing.label : 'Off'} (c)`}
        onClick={() => {
          setOpen((now) => !now);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        CC
      </button>
      {open && (
        <ul
          id={menuId}
          ref={menuRef}
          role="menu"
          aria-label="Captions"
          className={styles.menu}
          onKeyDown={(event: KeyboardEvent<HTMLUListElement>) => {
            // The player's shortcuts must not fire while the menu has the keys.
            event.stopPropagation();
            onMenuKey(event, items(), close);
          }}
        >
          {choices.map((choice) => (
            <li key={choice.id} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={choice.id === current}
                lang={choice.language || undefined}
                className={styles.item}
                onClick={() => {
                  choose(choice.id);
                }}
              >
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
