package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads container and stream facts with ffprobe's JSON output. */
public final class MediaProber {

    private final MediaTools tools;
    private final boolean background;

    public MediaProber(MediaTools tools) {
        this(tools, false);
    }

    private MediaProber(MediaTools tools, boolean background) {
        this.tools = tools;
        this.background = background;
    }

    /** A prober for work nobody waits on: its ffprobe runs at the lowest CPU priority. */
    public static MediaProber inBackground(MediaTools tools) {
        return new MediaProber(tools, true);
    }

    /**
     * @throws ProbeException with a message a user can act on: "no such file", "empty file", "not a media
     *     file" (with ffprobe's reason)
     */
    public MediaInfo probe(Path file) {
        checkReadable(file);
        ToolOutput output =
                runProbe(file, List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams"));
        if (!output.succeeded()) {
            throw new ProbeException("not a media file: " + file.getFileName() + " (" + output.lastErrorLine() + ")");
        }
        try {
            return parse(ProbeJson.parse(output.stdout()), file);
        } catch (IOException e) {
            throw new ProbeException("ffprobe returned unreadable output for " + file.getFileName());
        }
    }

    /** Presentation times, in seconds, of the first video stream's keyframes. */
    public List<Double> keyframeTimes(Path file) {
        checkReadable(file);
        ToolOutput output = runProbe(
                file,
                List.of(
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "packet=pts_time,flags",
                        "-of",
                        "csv=p=0"));
        if (!output.succeeded()) {
            throw new ProbeException("not a media file: " + file.getFileName() + " (" + output.lastErrorLine() + ")");
        }
        List<Double> times = new ArrayList<>();
        for (String line : output.stdout().split("\\R")) {
            String[] fields = line.strip().split(",");
            if (fields.length >= 2 && fields[1].startsWith("K") && !fields[0].equals("N/A")) {
                times.add(Double.parseDouble(fields[0]));
            }
        }
        times.sort(Double::compare);
        return times;
    }

    /**
     * Where the first video (else audio) stream's data really ends, from its packets in the last ten seconds
     * of the declared duration. Empty when no packet can be read there: the data stops before them.
     */
    public java.util.OptionalDouble dataEnd(Path file, MediaInfo info) {
        double from = Math.max(0, info.durationSeconds() - 10);
        ToolOutput output = runProbe(
                file,
                List.of(
                        "-v",
                        "error",
                        "-select_streams",
                        info.hasVideo() ? "v:0" : "a:0",
                        "-read_intervals",
                        String.format(java.util.Locale.ROOT, "%.3f%%", from),
                        "-show_entries",
                        "packet=pts_time,duration_time",
                        "-of",
                        "csv=p=0"));
        double end = -1;
        for (String line : output.stdout().split("\\R")) {
            String[] fields = line.strip().split(",");
            if (fields.length >= 1 && !fields[0].isBlank() && !fields[0].equals("N/A")) {
                double pts = Double.parseDouble(fields[0]);
                double duration = fields.length >= 2 && !fields[1].equals("N/A") ? Double.parseDouble(fields[1]) : 0;
                end = Math.max(end, pts + duration);
            }
        }
        return end < 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(end);
    }

    private static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new ProbeException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new ProbeException("is a folder, not a media file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new ProbeException("cannot read file (permission denied): " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new ProbeException("empty file (0 bytes), not a media file: " + file.getFileName());
            }
        } catch (IOException e) {
            throw new ProbeException("cannot read file: " + file + " (" + e.getMessage() + ")");
        }
    }

    private ToolOutput runProbe(Path file, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(tools.ffprobe().toString());
        command.addAll(options);
        command.add(FfmpegArguments.fileUrl(file));
        try {
            return ToolRunner.run(command, ToolRunner.DEFAULT_TIMEOUT, background);
        } catch (IOException e) {
            throw new ProbeToolException("could not run ffprobe on " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private static MediaInfo parse(ProbeJson root, Path file) {
        ProbeJson format = root.object("format");
        VideoStreamInfo video = null;
        List<AudioStreamInfo> audio = new ArrayList<>();
        for (ProbeJson stream : root.objects("streams")) {
            String type = stream.text("codec_type", "");
            boolean stillImage = stream.object("disposition").longValue("attached_pic", 0) == 1;
            if (type.equals("video") && video == null && !stillImage) {
                video = new VideoStreamInfo(
                        stream.text("codec_name", null),
                        stream.text("profile", null),
                        (int) stream.longValue("width", 0),
                        (int) stream.longValue("height", 0),
                        stream.text("pix_fmt", null),
                        frameRateOf(stream),
                        positiveLong(stream, "nb_frames"),
                        positiveDouble(stream, "duration"));
            } else if (type.equals("audio")) {
                audio.add(new AudioStreamInfo(
                        stream.text("codec_name", null), (int) stream.longValue("channels", 0), (int)
                                stream.longValue("sample_rate", 0)));
            }
        }
        if (video == null && audio.isEmpty()) {
            throw new ProbeException("not a media file: " + file.getFileName() + " (no audio or video streams)");
        }
        double duration = format.doubleValue("duration", 0);
        Long bitRate = format.has("bit_rate") ? format.longValue("bit_rate", 0) : null;
        return new MediaInfo(format.text("format_name", ""), duration, bitRate, video, audio);
    }

    /** ffprobe prints numbers as strings and leaves a field out, or says "N/A", when it does not know. */
    private static Long positiveLong(ProbeJson node, String field) {
        long value = node.longValue(field, -1);
        return value > 0 ? value : null;
    }

    private static Double positiveDouble(ProbeJson node, String field) {
        double value = node.doubleValue(field, -1);
        return value > 0 ? value : null;
    }

    /** r_frame_rate is the exact base rate; avg_frame_rate is a fallback for streams that lack it. */
    private static String frameRateOf(ProbeJson stream) {
        String exact = stream.text("r_frame_rate", "0/0");
        return Rational.toDouble(exact) > 0 ? exact : stream.text("avg_frame_rate", "0/0");
    }
}
