import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Node } from '../api/types';
import { dateTime } from '../format';
import { Link } from '../router';
import { useDashboard } from '../state/DashboardStore';
import { heartbeatText, jobLabel, nodeState, workersText } from './nodes';

/** The viewer's clock, ticking, so "3 s ago" counts on between updates. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function NodeStatusBadge({ node }: { node: Pick<Node, 'status'> }) {
  return <span className={`badge node-${node.status}`}>{node.status}</span>;
}

function NodeCard({ node, now }: { node: Node; now: number }) {
  const { state, dispatch, reportError } = useDashboard();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      const changed = await api.nodeAction(node.id, node.paused ? 'resume' : 'pause');
      dispatch({ type: 'nodes_update', nodes: (state.nodes ?? []).map((known) => (known.id === changed.id ? changed : known)) });
    } catch (error) {
      reportError(node.paused ? `Could not resume ${node.name}` : `Could not pause ${node.name}`, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={`card node-card node-card-${node.status}`} data-node-id={node.id} aria-label={`Node ${node.name}`}>
      <div className="node-head">
        <h2 className="filename">{node.name}</h2>
        <NodeStatusBadge node={node} />
        {node.paused && <span className="badge status-paused">paused</span>}
      </div>
      <dl className="node-facts">
        <dt>State</dt>
        <dd>{nodeState(node)}</dd>
        <dt>Workers</dt>
        <dd>{workersText(node)}</dd>
        <dt>Last heartbeat</dt>
        <dd title={dateTime(node.last_heartbeat)}>{heartbeatText(node, now)}</dd>
        <dt>Version</dt>
        <dd>{node.version}</dd>
        <dt>Current jobs</dt>
        <dd>
          {node.current_jobs.length === 0 ? (
            'none'
          ) : (
            <ul className="node-jobs">
              {node.current_jobs.map((id) => (
                <li key={id}>
                  <Link to={`/jobs/${encodeURIComponent(id)}`}>{jobLabel(id, state.jobs)}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Encoders</dt>
        <dd>{node.encoders.length === 0 ? '–' : node.encoders.join(', ')}</dd>
        <dt>Started</dt>
        <dd>{dateTime(node.started_at)}</dd>
      </dl>
      {node.status === 'alive' && (
        <div className="actions">
          <button type="button" className={node.paused ? 'primary' : ''} onClick={toggle} disabled={busy}>
            {node.paused ? 'Resume node' : 'Pause node'}
          </button>
        </div>
      )}
    </section>
  );
}

/** Pause or resume every node at once (on a single machine, its queue). */
function ClusterActions({ nodes }: { nodes: Node[] }) {
  const { dispatch, reportError } = useDashboard();
  const [busy, setBusy] = useState(false);
  const run = async (action: 'pause' | 'resume') => {
    setBusy(true);
    try {
      dispatch({ type: 'nodes_update', nodes: await api.clusterAction(action) });
    } catch (error) {
      reportError(action === 'pause' ? 'Could not pause the cluster' : 'Could not resume the cluster', error);
    } finally {
      setBusy(false);
    }
  };
  const anyRunning = nodes.some((node) => !node.paused);
  const anyPaused = nodes.some((node) => node.paused);
  return (
    <div className="actions">
      <button type="button" onClick={() => run('pause')} disabled={busy || !anyRunning}>
        Pause all nodes
      </button>
      <button type="button" onClick={() => run('resume')} disabled={busy || !anyPaused}>
        Resume all nodes
      </button>
    </div>
  );
}

export function NodesPage() {
  const { state } = useDashboard();
  const now = useNow(1000);
  const nodes = state.nodes;
  const alive = (nodes ?? []).filter((node) => node.status === 'alive').length;
  return (
    <>
      <div className="page-head">
        <h1>Nodes</h1>
        {nodes && (
          <span className="hint" data-nodes-summary>
            {nodes.length === 1 ? '1 node' : `${nodes.length} nodes`} · {alive} alive
          </span>
        )}
        {nodes && nodes.length > 0 && <ClusterActions nodes={nodes} />}
      </div>
      {nodes === null ? (
        <p className="empty">Loading…</p>
      ) : nodes.length === 0 ? (
        <p className="empty">No nodes.</p>
      ) : (
        <div className="nodes-grid">
          {nodes.map((node) => (
            <NodeCard key={node.id} node={node} now={now} />
          ))}
        </div>
      )}
      <p className="hint">Pausing a node stops it from starting new jobs; the jobs it runs carry on. Another node applies a pause at its next heartbeat, one that is down when it comes back. On a single machine the daemon is the one node, and pausing it pauses the queue.</p>
    </>
  );
}
