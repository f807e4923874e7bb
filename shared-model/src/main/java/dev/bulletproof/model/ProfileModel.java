package dev.bulletproof.model;

import java.util.List;

/**
 * A transcoding profile as the API lists it.
 *
 * @param extension the output container's file extension, without the dot
 * @param ffmpegArgs the encoding arguments ffmpeg gets between the input and the output
 * @param builtin false for custom profiles from the config file
 */
public record ProfileModel(
        String name, String description, String extension, List<String> ffmpegArgs, boolean builtin) {}
