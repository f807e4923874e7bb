import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DashboardLayout } from './DashboardLayout';

describe('DashboardLayout', () => {
  it('saysLiveWhenConnected', () => {
    render(
      <DashboardLayout path="/" connection="connected">
        <p>page</p>
      </DashboardLayout>,
    );
    expect(screen.getByText('Live')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warnsThatFiguresMayBeStaleWhileReconnecting', () => {
    render(
      <DashboardLayout path="/jobs" connection="reconnecting">
        <p>page</p>
      </DashboardLayout>,
    );
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('may be out of date');
    expect(screen.getByRole('link', { name: 'Jobs' }).getAttribute('aria-current')).toBe('page');
  });

  it('namesADeadNodeOnEveryPageAndLinksToTheNodes', () => {
    render(
      <DashboardLayout path="/jobs" connection="connected" deadNodes={[{ id: 'n-2', name: 'encoder-2' }]}>
        <p>page</p>
      </DashboardLayout>,
    );
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Node encoder-2 is not answering.');
    expect(within(banner).getByRole('link', { name: 'See the nodes' }).getAttribute('href')).toBe('/nodes');
    expect(screen.getByRole('link', { name: 'Nodes' })).toBeTruthy();
  });

  it('showsNoNodeBannerWhileEveryNodeAnswers', () => {
    render(
      <DashboardLayout path="/nodes" connection="connected" deadNodes={[]}>
        <p>page</p>
      </DashboardLayout>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('link', { name: 'Nodes' }).getAttribute('aria-current')).toBe('page');
  });
});
