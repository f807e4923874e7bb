package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The profiles a job can name: the ten built-ins plus the custom ones from the config file.
 *
 * <p>A custom profile may not reuse a built-in's name: rules and saved jobs that say "live-qlab" must
 * mean the same encode on every machine, and a silently redefined built-in is exactly the kind of
 * show-day surprise this tool exists to prevent. Users copy a built-in under a new name instead.
 */
public final class ProfileCatalog {

    static final String DEFAULT_PROFILE = "live-qlab";
    private static final String BUILTINS_RESOURCE = "builtin-profiles.yaml";

    /** Read on first use, so verbs that never name a profile never pay for reading them. */
    private static final class Builtins {
        static final ProfileCatalog CATALOG = new ProfileCatalog(loadBuiltins());
    }

    private final Map<String, Profile> byName;

    private ProfileCatalog(Map<String, Profile> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static ProfileCatalog builtins() {
        return Builtins.CATALOG;
    }

    /** The fields a custom profile may have, so the config file's reader can name a misspelt one. */
    public static Set<String> customProfileKeys() {
        return ProfileReader.KEYS;
    }

    /**
     * This catalog plus {@code custom}.
     *
     * @throws ProfileDefinitionException listing every bad field, duplicate name or clash with a built-in
     */
    public ProfileCatalog withCustom(List<Map<String, Object>> custom) {
        Map<String, Profile> merged = new LinkedHashMap<>(byName);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < custom.size(); i++) {
            Profile profile;
            try {
                profile = ProfileReader.read(custom.get(i), i, false);
            } catch (ProfileDefinitionException e) {
                problems.addAll(e.problems());
                continue;
            }
            Profile existing = merged.get(profile.name());
            if (existing != null && existing.builtin()) {
                problems.add("profile '" + profile.name()
                        + "' has the name of a built-in profile; built-ins cannot be redefined, choose another name");
            } else if (existing != null) {
                problems.add("profile '" + profile.name() + "' is defined twice");
            } else {
                merged.put(profile.name(), profile);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProfileDefinitionException(problems);
        }
        return new ProfileCatalog(merged);
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** Like {@link #find} but failing with a message that lists the valid names. */
    public Profile require(String name) {
        return find(name)
                .orElseThrow(() -> new ProfileDefinitionException(
                        List.of("unknown profile '" + name + "'; known profiles: " + String.join(", ", names()))));
    }

    /** Built-ins first, in their documented order, then custom profiles in config order. */
    public List<Profile> all() {
        return List.copyOf(byName.values());
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(byName.keySet()));
    }

    public Profile defaultProfile() {
        return byName.get(DEFAULT_PROFILE);
    }

    /** The encoders the built-in profiles need, for a health check of an ffmpeg build. */
    public static Set<String> builtinEncoders() {
        Set<String> encoders = new LinkedHashSet<>();
        for (Profile profile : builtins().all()) {
            if (profile.videoCodec() != null) {
                encoders.add(profile.videoCodec());
            }
            if (profile.audioCodec() != null) {
                encoders.add(profile.audioCodec());
            }
        }
        return encoders;
    }

    /**
     * Plain SnakeYAML rather than Jackson's YAML binding: the file is a list of flat maps, and starting
     * Jackson's data binding for it was the largest single cost of a short CLI verb.
     */
    private static Map<String, Profile> loadBuiltins() {
        List<Map<String, Object>> maps;
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(BUILTINS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUILTINS_RESOURCE + " is missing from the classpath");
            }
            maps = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILTINS_RESOURCE, e);
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (int i = 0; i < maps.size(); i++) {
            Profile profile = ProfileReader.read(maps.get(i), i, true);
            profiles.put(profile.name(), profile);
        }
        return profiles;
    }
}
