import type { AudioTrack, Job } from '../api/types';
import { bitrate, duration, fps, size, speed, UNKNOWN } from '../format';

/**
 * The job's poster frame, when the daemon made one. A plain <img> is enough: the page's requests carry
 * the daemon's HttpOnly session cookie, so no token ever goes into the image's address.
 */
export function Thumbnail({ job, large = false }: { job: Job; large?: boolean }) {
  if (!job.thumbnail) {
    return <span className={large ? 'thumbnail thumbnail-large thumbnail-none' : 'thumbnail thumbnail-none'} aria-hidden="true" />;
  }
  return (
    <img
      className={large ? 'thumbnail thumbnail-large' : 'thumbnail'}
      src={`/api/jobs/${encodeURIComponent(job.id)}/thumbnail`}
      alt={`Poster frame of ${job.filename}`}
      loading="lazy"
      decoding="async"
    />
  );
}

function track(audio: AudioTrack): string {
  const channels = audio.channels === 1 ? 'mono' : audio.channels === 2 ? 'stereo' : `${audio.channels} ch`;
  return `${audio.codec ?? UNKNOWN} ${channels} ${audio.sample_rate > 0 ? `${(audio.sample_rate / 1000).toLocaleString('en-US')} kHz` : ''}`.trim();
}

/** "4.21x smaller" when the output is smaller, "1.20x larger" otherwise; unknown until the job completed. */
export function compression(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !(ratio > 0)) {
    return UNKNOWN;
  }
  return ratio >= 1 ? `${speed(ratio)} smaller` : `${speed(1 / ratio)} larger`;
}

/** The Media panel of the job detail: what the probe said at queue time, and the output once published. */
export function MediaFacts({ job }: { job: Job }) {
  const media = job.media;
  const tracks = media?.audio_tracks ?? [];
  return (
    <dl className="card media-card">
      <h2>Media</h2>
      <Thumbnail job={job} large />
      <dt>Duration</dt>
      <dd>{duration(job.duration)}</dd>
      <dt>Resolution · frame rate</dt>
      <dd>
        {job.resolution ?? UNKNOWN} · {fps(media?.frame_rate)}
      </dd>
      <dt>Video codec · container</dt>
      <dd>
        {media ? (media.video_codec ?? 'none (audio only)') : UNKNOWN} · {media?.container ?? UNKNOWN}
      </dd>
      <dt>Audio tracks</dt>
      <dd>{media ? (tracks.length === 0 ? 'none' : tracks.map(track).join('; ')) : UNKNOWN}</dd>
      <dt>Bitrate</dt>
      <dd>{bitrate(job.bitrate)}</dd>
      <dt>Input size</dt>
      <dd>{size(job.input_size)}</dd>
      <dt>Output size · compression</dt>
      <dd>
        {size(job.output_size)} · {compression(job.compression_ratio)}
      </dd>
    </dl>
  );
}
