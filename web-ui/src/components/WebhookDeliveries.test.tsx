import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Job, WebhookDelivery } from '../api/types';
import { job } from '../test/jobs';
import { heldReason } from './JobRow';
import { deliveryOutcome, WebhookDeliveries } from './WebhookDeliveries';

function delivery(fields: Partial<WebhookDelivery>): WebhookDelivery {
  return {
    id: 'd-1',
    url: 'https://chat.example/hooks/cues',
    event: 'job.completed',
    job_id: '42',
    status: 'delivered',
    attempts: 1,
    last_status_code: 200,
    last_error: null,
    created_at: '2026-12-02T03:00:00Z',
    updated_at: '2026-12-02T03:00:01Z',
    next_attempt_at: null,
    ...fields,
  };
}

describe('deliveryOutcome', () => {
  it.each([
    [{ status: 'delivered', attempts: 3, last_status_code: 200 }, 'delivered (HTTP 200, 3 attempts)'],
    [{ status: 'pending', attempts: 0, last_status_code: null }, 'waiting to be sent'],
    [{ status: 'pending', attempts: 2, last_status_code: 500, last_error: 'HTTP 500' }, 'retrying: HTTP 500 (2 attempts)'],
    [{ status: 'failed', attempts: 10, last_status_code: null, last_error: 'connection refused' }, 'gave up after 10 attempts: connection refused'],
  ] as [Partial<WebhookDelivery>, string][])('saysHowItWent %#', (fields, expected) => {
    expect(deliveryOutcome(delivery(fields))).toBe(expected);
  });
});

describe('WebhookDeliveries', () => {
  afterEach(() => vi.restoreAllMocks());

  it('listsTheDeliveriesAndSendsATestEvent', async () => {
    const list = vi
      .spyOn(api, 'webhookDeliveries')
      .mockResolvedValueOnce([delivery({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' })])
      .mockResolvedValueOnce([delivery({ id: 'd-2', event: 'webhook.test', job_id: null, status: 'pending', attempts: 0, last_status_code: null })]);
    const test = vi.spyOn(api, 'sendTestWebhook').mockResolvedValue([delivery({ id: 'd-2', event: 'webhook.test' })]);

    render(<WebhookDeliveries />);

    expect(await screen.findByText('retrying: HTTP 500 (attempt 1)')).toBeTruthy();
    expect(screen.getByText('https://chat.example/hooks/cues')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send test event' }));
    await waitFor(() => expect(test).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Test event queued for 1 endpoint(s).')).toBeTruthy();
    expect(await screen.findByText('waiting to be sent')).toBeTruthy();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('saysSoWhenTheConfigFileHasNoWebhooks', async () => {
    vi.spyOn(api, 'webhookDeliveries').mockResolvedValue([]);
    vi.spyOn(api, 'sendTestWebhook').mockResolvedValue([]);

    render(<WebhookDeliveries />);

    expect(await screen.findByText('No deliveries yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send test event' }));
    expect(await screen.findByText('No webhooks are set in the config file.')).toBeTruthy();
  });
});

describe('heldReason', () => {
  it('showsTheDiskGuardsReasonOnAQueuedJobOnly', () => {
    const reason = 'waiting for disk space: 3.1 GB free, needs ~4.2 GB';
    expect(heldReason(job(1, { status: 'queued', status_reason: reason }) as Job)).toBe(reason);
    expect(heldReason(job(2, { status: 'queued', status_reason: 'queued' }) as Job)).toBeNull();
    expect(heldReason(job(3, { status: 'processing', status_reason: 'processing, attempt 1' }) as Job)).toBeNull();
  });
});
