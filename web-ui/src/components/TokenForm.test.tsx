import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenForm } from './TokenForm';

describe('TokenForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  function answer(status: number) {
    const fetch = vi.fn().mockResolvedValue(new Response('{}', { status }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }

  it('reportsATokenTheDaemonRefusesAndStaysOnTheForm', async () => {
    const fetch = answer(401);
    const onAccepted = vi.fn();
    render(<TokenForm onAccepted={onAccepted} />);
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('The daemon did not accept this token.');
    expect(onAccepted).not.toHaveBeenCalled();
    expect(fetch.mock.calls[0][1].headers).toEqual({ Authorization: 'Bearer wrong' });
  });

  it('handsOnAnAcceptedTokenTrimmed', async () => {
    answer(200);
    const onAccepted = vi.fn();
    render(<TokenForm onAccepted={onAccepted} />);
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: '  s3cret \n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onAccepted).toHaveBeenCalledWith('s3cret'));
  });
});
