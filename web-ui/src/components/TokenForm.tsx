import { useState, type FormEvent } from 'react';
import { api } from '../api/client';

/**
 * Asks for the daemon's token. A good token is exchanged for the daemon's HttpOnly cookie by loading
 * the page with ?token=..., the same way the printed URL works; the cookie also authenticates the WebSocket.
 */
export function TokenForm({ onAccepted = (token: string) => window.location.assign(window.location.pathname + '?token=' + encodeURIComponent(token)) }: { onAccepted?: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    setError(null);
    try {
      if (await api.tokenAccepted(token.trim())) {
        onAccepted(token.trim());
      } else {
        setError('The daemon did not accept this token.');
      }
    } catch {
      setError('The daemon cannot be reached.');
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="token-page">
      <form className="card token-form" onSubmit={submit}>
        <h1>Bulletproof</h1>
        <p>
          This dashboard needs the daemon's access token. Open the address the daemon printed at start-up, or paste the token from the
          file <code>token</code> in its data folder.
        </p>
        <label htmlFor="token">Token</label>
        <input id="token" name="token" type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} aria-describedby="token-error" required />
        {error && (
          <p id="token-error" className="field-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={checking || token.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
