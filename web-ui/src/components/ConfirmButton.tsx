import { useState } from 'react';

/**
 * A button that asks "sure?" in place before a destructive action. An in-page question instead of
 * window.confirm keeps the page free of native dialogs, so any dialog at all means something is wrong.
 */
export function ConfirmButton({ label, question, onConfirm, className = 'danger' }: { label: string; question: string; onConfirm: () => void; className?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        No
      </button>
    </span>
  );
}
