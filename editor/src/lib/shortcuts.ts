/** Keyboard shortcuts of the flow editor. */

/** What a shortcut does. */
export type ShortcutAction = 'save' | 'delete' | 'copy' | 'paste' | 'undo' | 'redo' | 'fit';

type KeyInfo = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * The action of a key press. In a text field only Ctrl+S counts: typing, copying text and the field's own
 * undo stay the field's.
 * @example shortcutFor({ key: 'z', code: 'KeyZ', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false }, false) // 'redo'
 */
export function shortcutFor(event: KeyInfo, inTextField: boolean): ShortcutAction | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.code === 'KeyS') return 'save';
  if (inTextField || event.altKey) return undefined;
  if (mod && event.code === 'KeyZ') return event.shiftKey ? 'redo' : 'undo';
  if (mod && event.code === 'KeyY') return 'redo';
  if (mod && event.code === 'KeyC') return 'copy';
  if (mod && event.code === 'KeyV') return 'paste';
  if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) return 'delete';
  if (!mod && !event.shiftKey && (event.key === 'f' || event.key === 'F')) return 'fit';
  return undefined;
}

/** True when the key press happens in something that takes text. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** Listens for shortcuts on `target`; returns the function that stops listening. */
export function bindShortcuts(target: Window, run: (action: ShortcutAction) => void): () => void {
  const listener = (event: KeyboardEvent): void => {
    const action = shortcutFor(event, isTextField(event.target));
    if (!action) return;
    event.preventDefault();
    run(action);
  };
  target.addEventListener('keydown', listener);
  return () => target.removeEventListener('keydown', listener);
}
