import { playerAction } from './keyboard';

function key(k: string, target: EventTarget | null = document.body, modifiers: Partial<KeyboardEvent> = {}) {
  return { key: k, altKey: false, ctrlKey: false, metaKey: false, target, ...modifiers };
}

test('theShortcutsMapToPlayerActions', () => {
  expect(playerAction(key(' '))).toEqual({ kind: 'togglePlay' });
  expect(playerAction(key('k'))).toEqual({ kind: 'togglePlay' });
  expect(playerAction(key('K'))).toEqual({ kind: 'togglePlay' });
  expect(playerAction(key('j'))).toEqual({ kind: 'seekBy', seconds: -10 });
  expect(playerAction(key('l'))).toEqual({ kind: 'seekBy', seconds: 10 });
  expect(playerAction(key('f'))).toEqual({ kind: 'toggleFullscreen' });
  expect(playerAction(key('m'))).toEqual({ kind: 'toggleMute' });
  expect(playerAction(key('<'))).toEqual({ kind: 'changeSpeed', steps: -1 });
  expect(playerAction(key('>'))).toEqual({ kind: 'changeSpeed', steps: 1 });
  expect(playerAction(key('x'))).toBeNull();
});

test('typingInAFieldOrWithAModifierIsNotAShortcut', () => {
  expect(playerAction(key('k', document.createElement('input')))).toBeNull();
  expect(playerAction(key('m', document.createElement('select')))).toBeNull();
  expect(playerAction(key('f', document.body, { ctrlKey: true }))).toBeNull();
});

test('spaceOnAFocusedButtonPressesTheButtonInstead', () => {
  expect(playerAction(key(' ', document.createElement('button')))).toBeNull();
  expect(playerAction(key('k', document.createElement('button')))).toEqual({ kind: 'togglePlay' });
});
