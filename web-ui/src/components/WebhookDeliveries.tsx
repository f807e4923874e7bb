import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { WebhookDelivery } from '../api/types';
import { dateTime } from '../format';
import { describeError } from '../state/DashboardStore';

/** How a delivery went, in words: "delivered (HTTP 200, attempt 3)", "retrying: HTTP 500 (attempt 2)". */
export function deliveryOutcome(delivery: WebhookDelivery): string {
  const attempts = delivery.attempts === 1 ? 'attempt 1' : `${delivery.attempts} attempts`;
  const answer = delivery.last_status_code !== null ? `HTTP ${delivery.last_status_code}` : null;
  switch (delivery.status) {
    case 'delivered':
      return `delivered (${[answer, attempts].filter(Boolean).join(', ')})`;
    case 'failed':
      return `gave up after ${attempts}: ${delivery.last_error ?? answer ?? 'no answer'}`;
    default:
      return delivery.attempts === 0 ? 'waiting to be sent' : `retrying: ${delivery.last_error ?? answer ?? 'no answer'} (${attempts})`;
  }
}

/**
 * The latest webhook deliveries and a test event. Endpoints are set in the config file only (the daemon
 * never shows their secrets), so this view only reads and tests them.
 */
export function WebhookDeliveries() {
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDeliveries(await api.webhookDeliveries());
      setError(null);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const sendTest = async () => {
    try {
      const queued = await api.sendTestWebhook();
      setNote(queued.length === 0 ? 'No webhooks are set in the config file.' : `Test event queued for ${queued.length} endpoint(s).`);
      await load();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <section className="card webhooks">
      <h2>Webhook deliveries</h2>
      <p className="hint">
        Webhooks are set in the config file (<code>webhooks:</code>). Receivers should ignore a delivery id they have already seen.
      </p>
      <div className="inline-form">
        <button type="button" onClick={sendTest}>
          Send test event
        </button>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      {error && <p className="field-error">{error}</p>}
      {deliveries && deliveries.length === 0 && <p className="empty">No deliveries yet.</p>}
      {deliveries && deliveries.length > 0 && (
        <table className="deliveries">
          <thead>
            <tr>
              <th>Event</th>
              <th>Endpoint</th>
              <th>Outcome</th>
              <th>Last change</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id} className={`delivery-${delivery.status}`} data-delivery-id={delivery.id}>
                <td>
                  {delivery.event}
                  {delivery.job_id && <span className="muted"> · job {delivery.job_id}</span>}
                </td>
                <td>
                  <code>{delivery.url}</code>
                </td>
                <td>{deliveryOutcome(delivery)}</td>
                <td>{dateTime(delivery.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
