import { useEffect, useRef, useState } from 'react';
import { navigate } from '../router';

/** Every keyboard shortcut the dashboard has; the dialog lists exactly this table. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: '?', does: 'Show this list' },
  { keys: '/', does: 'Search on this page (jobs, log)' },
  { keys: 'g o', does: 'Go to Overview' },
  { keys: 'g j', does: 'Go to Jobs' },
  { keys: 'g c', does: 'Go to Config' },
  { keys: 'g s', does: 'Go to Stats' },
  { keys: 'Esc', does: 'Close this list' },
];

const GO_TO: Record<string, string> = { o: '/', j: '/jobs', c: '/config', s: '/stats' };
const SEQUENCE_MS = 1500;

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Listens for the shortcuts on the whole page (not while typing in a field) and shows the list on `?`. */
export function Shortcuts() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    let pendingGo = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) {
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (search) {
          event.preventDefault();
          search.focus();
        }
      } else if (event.key === 'g') {
        pendingGo = event.timeStamp;
      } else if (pendingGo && event.timeStamp - pendingGo < SEQUENCE_MS && GO_TO[event.key]) {
        pendingGo = 0;
        navigate(GO_TO[event.key]);
      } else {
        pendingGo = 0;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Test DOMs may lack the modal methods; the open attribute alone still shows the list there.
    if (open && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcuts" aria-label="Keyboard shortcuts" onClose={() => setOpen(false)} onCancel={() => setOpen(false)}>
      {open && (
        <>
          <h2>Keyboard shortcuts</h2>
          <table>
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.keys}>
                  <td>
                    <kbd>{shortcut.keys}</kbd>
                  </td>
                  <td>{shortcut.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </>
      )}
    </dialog>
  );
}
