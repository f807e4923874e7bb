import { useCallback } from 'react';
import { Alerts } from './components/Alerts';
import { DashboardLayout } from './components/DashboardLayout';
import { TokenForm } from './components/TokenForm';
import { usePath } from './router';
import { DashboardStoreProvider, useDashboard } from './state/DashboardStore';
import { deadNodes } from './state/reducer';
import { ConfigPage } from './views/ConfigPage';
import { JobDetailPage } from './views/JobDetailPage';
import { JobsPage } from './views/JobsPage';
import { NodesPage } from './views/NodesPage';
import { OverviewPage } from './views/OverviewPage';
import { StatsPage } from './views/StatsPage';

function Page({ path }: { path: string }) {
  const detail = /^\/jobs\/([^/]+)\/?$/.exec(path);
  if (detail) {
    return <JobDetailPage key={detail[1]} id={decodeURIComponent(detail[1])} />;
  }
  switch (path.replace(/\/$/, '') || '/') {
    case '/':
      return <OverviewPage />;
    case '/jobs':
      return <JobsPage />;
    case '/config':
      return <ConfigPage />;
    case '/stats':
      return <StatsPage />;
    case '/nodes':
      return <NodesPage />;
    default:
      return <p className="empty">No such page.</p>;
  }
}

function Dashboard() {
  const { state, dispatch, unauthorized } = useDashboard();
  const path = usePath();
  const dismiss = useCallback((id: number) => dispatch({ type: 'dismiss', id }), [dispatch]);
  if (unauthorized) {
    return <TokenForm />;
  }
  return (
    <DashboardLayout path={path} connection={state.connection} deadNodes={deadNodes(state)}>
      <Page path={path} />
      <Alerts toasts={state.toasts} onDismiss={dismiss} />
    </DashboardLayout>
  );
}

export function App() {
  return (
    <DashboardStoreProvider>
      <Dashboard />
    </DashboardStoreProvider>
  );
}
