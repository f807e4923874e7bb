import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

const NAVIGATED = 'bulletproof:navigated';

/** Client-side navigation: the daemon answers every page path with index.html, so reloads keep working. */
export function navigate(path: string): void {
  if (path !== window.location.pathname + window.location.search) {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new Event(NAVIGATED));
  }
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return path;
}

export function Link({ to, className, children, ...rest }: { to: string; className?: string; children: ReactNode; 'aria-current'?: 'page' }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
