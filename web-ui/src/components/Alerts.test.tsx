import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Alerts } from './Alerts';

describe('Alerts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('showsErrorsAsAlertsAndDismissesOnClick', () => {
    const onDismiss = vi.fn();
    render(<Alerts toasts={[{ id: 3, level: 'error', message: 'Disk full on /media/out', jobId: '4' }]} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain('Disk full on /media/out');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledWith(3);
  });

  it('dismissesInformationSoonerThanErrors', () => {
    const onDismiss = vi.fn();
    render(
      <Alerts
        toasts={[
          { id: 1, level: 'info', message: 'saved', jobId: null },
          { id: 2, level: 'error', message: 'failed', jobId: null },
        ]}
        onDismiss={onDismiss}
      />,
    );
    act(() => vi.advanceTimersByTime(8_000));
    expect(onDismiss.mock.calls).toEqual([[1]]);
    act(() => vi.advanceTimersByTime(12_000));
    expect(onDismiss.mock.calls).toEqual([[1], [2]]);
  });
});
