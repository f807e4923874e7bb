import { useEffect } from 'react';
import type { Toast } from '../state/reducer';

const ERROR_MS = 20_000;
const OTHER_MS = 8_000;

function AlertToast({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), toast.level === 'error' ? ERROR_MS : OTHER_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={`toast toast-${toast.level}`} role={toast.level === 'error' ? 'alert' : 'status'}>
      <span className="toast-message">{toast.message}</span>
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Daemon alerts and failed actions, newest at the bottom; errors stay longer. */
export function Alerts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <AlertToast key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
