import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { job } from '../test/jobs';
import { compression, MediaFacts, Thumbnail } from './JobMedia';
import { JobRow } from './JobRow';

const probed = {
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  video_codec: 'h264',
  frame_rate: 25,
  audio_tracks: [{ codec: 'aac', channels: 2, sample_rate: 48000 }],
};

describe('Thumbnail', () => {
  it('loadsThePosterFrameLazilyFromTheJobsOwnRoute_withoutAToken', () => {
    render(<Thumbnail job={job(7, { thumbnail: true, filename: 'show.mov' })} />);
    const image = screen.getByRole('img', { name: 'Poster frame of show.mov' });
    expect(image.getAttribute('src')).toBe('/api/jobs/7/thumbnail');
    expect(image.getAttribute('loading')).toBe('lazy');
  });

  it('asksForNothingWhenTheDaemonMadeNoPosterFrame', () => {
    const { container } = render(<Thumbnail job={job(8, { thumbnail: false })} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('isShownInEveryJobRowThatHasOne', () => {
    render(
      <table>
        <tbody>
          <JobRow job={job(9, { thumbnail: true })} onAction={() => undefined} />
        </tbody>
      </table>,
    );
    expect(within(screen.getByRole('row')).getByRole('img').getAttribute('src')).toBe('/api/jobs/9/thumbnail');
  });
});

describe('MediaFacts', () => {
  it('showsTheProbesFactsWhileTheJobIsStillQueued', () => {
    render(<MediaFacts job={job(3, { status: 'queued', resolution: '320x180', bitrate: 1_500_000, input_size: 2_500_000, media: probed, thumbnail: true })} />);
    expect(screen.getByText('320x180 · 25 fps')).toBeTruthy();
    expect(screen.getByText('h264 · mov,mp4,m4a,3gp,3g2,mj2')).toBeTruthy();
    expect(screen.getByText('aac stereo 48 kHz')).toBeTruthy();
    expect(screen.getByText('2.5 MB')).toBeTruthy();
    expect(screen.getByText('– · –')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('src')).toBe('/api/jobs/3/thumbnail');
  });

  it('showsTheOutputSizeAndRatioOnceCompleted', () => {
    render(<MediaFacts job={job(4, { status: 'completed', media: probed, input_size: 4_000_000, output_size: 1_000_000, compression_ratio: 4 })} />);
    expect(screen.getByText('1.0 MB · 4.00x smaller')).toBeTruthy();
  });

  it('saysSoForAnAudioOnlyFile', () => {
    render(<MediaFacts job={job(5, { media: { ...probed, video_codec: null, frame_rate: null } })} />);
    expect(screen.getByText('none (audio only) · mov,mp4,m4a,3gp,3g2,mj2')).toBeTruthy();
  });
});

describe('compression', () => {
  it.each([
    [null, '–'],
    [0, '–'],
    [4, '4.00x smaller'],
    [0.5, '2.00x larger'],
  ])('reads %s as %s', (ratio, expected) => {
    expect(compression(ratio)).toBe(expected);
  });
});
