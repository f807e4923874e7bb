import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from '../api/client';
import { initialState, reducer, type Action, type DashboardState } from './reducer';
import { UpdatesSocket, updatesUrl } from './updatesSocket';

interface Store {
  state: DashboardState;
  dispatch: (action: Action) => void;
  unauthorized: boolean;
  /** Shows a failed action as a toast, so no click fails silently. */
  reportError: (what: string, error: unknown) => void;
}

const StoreContext = createContext<Store | null>(null);

export function useDashboard(): Store {
  const store = useContext(StoreContext);
  if (!store) {
    throw new Error('useDashboard outside DashboardStoreProvider');
  }
  return store;
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Loads the state over REST, then keeps it current from /ws/updates; reloads everything after a reconnect. */
export function DashboardStoreProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const [unauthorized, setUnauthorized] = useState(false);

  const reportError = useCallback((what: string, error: unknown) => {
    if (error instanceof ApiError && error.unauthorized) {
      return;
    }
    dispatch({ type: 'toast', level: 'error', message: `${what}: ${describeError(error)}` });
  }, []);

  useEffect(() => onUnauthorized(() => setUnauthorized(true)), []);

  useEffect(() => {
    let live = true;
    const resync = async () => {
      try {
        const [active, recent, stats, queue, nodes] = await Promise.all([
          api.jobs({ status: 'waiting,queued,processing,paused', limit: 200 }),
          api.jobs({ limit: 100 }),
          api.stats(),
          api.queue(),
          api.nodes(),
        ]);
        const byId = new Map([...recent.jobs, ...active.jobs].map((job) => [job.id, job]));
        if (live) {
          dispatch({ type: 'resynced', jobs: [...byId.values()], stats, queue, nodes });
        }
      } catch (error) {
        if (live) {
          reportError('Loading the dashboard failed', error);
        }
      }
    };
    const socket = new UpdatesSocket(updatesUrl(window.location), {
      onMessage: (message) => dispatch(message),
      onOpen: () => {
        dispatch({ type: 'connection', connection: 'connected' });
        // Loading again once the socket is open means no update falls between the REST answer and the feed.
        void resync();
      },
      onDown: () => {
        dispatch({ type: 'connection', connection: 'reconnecting' });
        // A browser does not say why an upgrade failed; a REST call does, so a stale token shows the token form.
        api.queue().catch(() => undefined);
      },
    });
    // Loaded at once rather than after the socket opens: the page shows data, or the token form, even when
    // the WebSocket cannot connect.
    void resync();
    socket.start();
    return () => {
      live = false;
      socket.stop();
    };
  }, [reportError]);

  const store = useMemo(() => ({ state, dispatch, unauthorized, reportError }), [state, unauthorized, reportError]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}
