import { useEffect, useState, type ReactNode } from 'react';
import type { Node } from '../api/types';
import type { Connection } from '../state/reducer';
import { deadBannerText } from '../views/nodes';
import { Link } from '../router';
import { Shortcuts } from './Shortcuts';

type Theme = 'auto' | 'light' | 'dark';
const THEME_KEY = 'bulletproof.theme';
const NEXT_THEME: Record<Theme, Theme> = { auto: 'dark', dark: 'light', light: 'auto' };

function storedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

export function ConnectionIndicator({ connection }: { connection: Connection }) {
  const text = connection === 'connected' ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span className={`connection connection-${connection}`} role="status" data-connection={connection} title="Live updates from the daemon">
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/config', label: 'Config' },
  { to: '/stats', label: 'Stats' },
  { to: '/nodes', label: 'Nodes' },
];

export function DashboardLayout({
  path,
  connection,
  deadNodes = [],
  children,
}: {
  path: string;
  connection: Connection;
  /** Nodes that stopped answering: a banner names them on every page until they are back. */
  deadNodes?: Pick<Node, 'id' | 'name'>[];
  children: ReactNode;
}) {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => {
    if (theme === 'auto') {
      document.documentElement.removeAttribute('data-theme');
    } else {
      document.documentElement.setAttribute('data-theme', theme);
    }
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  }, [theme]);

  const section = '/' + (path.split('/')[1] ?? '');
  return (
    <div className="layout">
      <header className="topbar">
        <span className="brand">Bulletproof</span>
        <nav className="nav" aria-label="Main">
          {NAV.map((item) => (
            <Link key={item.to} to={item.to} className="nav-link" aria-current={section === item.to ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <span className="topbar-end">
          <ConnectionIndicator connection={connection} />
          <button type="button" className="theme-toggle" onClick={() => setTheme(NEXT_THEME[theme])} aria-label={`Theme: ${theme}`} title="Switch between automatic, dark and light">
            {theme === 'auto' ? 'Auto' : theme === 'dark' ? 'Dark' : 'Light'}
          </button>
        </span>
      </header>
      {connection === 'reconnecting' && (
        <div className="stale-banner" role="alert">
          Lost the connection to the daemon. Retrying; the figures below may be out of date.
        </div>
      )}
      {deadNodes.length > 0 && (
        <div className="dead-banner" role="alert" data-dead-nodes={deadNodes.length}>
          {deadBannerText(deadNodes)}{' '}
          {section !== '/nodes' && <Link to="/nodes">See the nodes</Link>}
        </div>
      )}
      <main className="content">{children}</main>
      <Shortcuts />
    </div>
  );
}
