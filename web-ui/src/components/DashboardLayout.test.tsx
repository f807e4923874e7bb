import { render, screen } from '@testing-library/react';
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
});
