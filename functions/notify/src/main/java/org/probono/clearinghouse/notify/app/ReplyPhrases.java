package org.probono.clearinghouse.notify.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases replies are read by, from {@code replies/<language>.txt} (one phrase a line under a
 * {@code [section]} header), so a coordinator adds a phrase without touching Java. Text and phrases are
 * compared as {@link #words} of the same normalisation. Loaded once per container.
 */
final class ReplyPhrases {
    static final List<String> LANGUAGES = List.of("en", "hi", "bn");

    enum Section {
        ACCEPT,
        DECLINE,
        UNCLEAR,
        NEGATION,
        CONTRAST,
        NEUTRAL,
        CLOSING,
        AUTO_REPLY_SUBJECT;

        static Section named(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** The sections whose phrases are looked for in what the lawyer wrote; the others read lines and subjects. */
    static final Set<Section> SIGNALS = Set.of(
            Section.ACCEPT, Section.DECLINE, Section.UNCLEAR, Section.NEGATION, Section.CONTRAST, Section.NEUTRAL);

    record Phrase(List<String> words, Section section, String file) {}

    /** A phrase found at {@code start} (a word index) in a list of words. */
    record Match(Phrase phrase, int start) {
        int end() {
            return start + phrase.words().size();
        }

        boolean within(Match other) {
            return start >= other.start && end() <= other.end();
        }
    }

    /** Stands for punctuation between words: a phrase never spans it ("No. Conflict." is not "no conflict"). */
    static final String BREAK = "|";

    private static final Pattern WORD_OR_BREAK = Pattern.compile("([\\p{L}\\p{M}\\p{Nd}]+)|[\\p{P}\\p{S}]");
    private static final Pattern JOINING_HYPHEN =
            Pattern.compile("(?<=[\\p{L}\\p{M}\\p{Nd}])[-\u2010\u2011](?=[\\p{L}\\p{M}])");
    // Apostrophes vanish ("can't" = "cant"); ZWJ/ZWNJ and nukta are spelling variants; chandrabindu is written as
    // anusvara.
    private static final Pattern IGNORED = Pattern.compile("['\u2019\u2018\u02bc\u200c\u200d\u093c\u09bc]");
    private static final ReplyPhrases BUILT_IN = fromResources();

    private final Map<String, List<Phrase>> signalsByFirstWord;
    private final Map<Section, List<Phrase>> bySection;

    private ReplyPhrases(Map<Section, List<Phrase>> bySection) {
        this.bySection = bySection;
        Map<String, List<Phrase>> byFirstWord = new HashMap<>();
        bySection.forEach((section, phrases) -> {
            if (SIGNALS.contains(section)) {
                for (Phrase phrase : phrases)
                    byFirstWord
                            .computeIfAbsent(phrase.words().getFirst(), w -> new ArrayList<>())
                            .add(phrase);
            }
        });
        this.signalsByFirstWord = byFirstWord;
    }

    static ReplyPhrases builtIn() {
        return BUILT_IN;
    }

    /** Reads the given files (language → text); a phrase in two signal sections, or an unknown section, is an error. */
    static ReplyPhrases parse(Map<String, String> files) {
        Map<Section, List<Phrase>> bySection = new EnumMap<>(Section.class);
        Map<List<String>, Phrase> signals = new HashMap<>();
        files.forEach((file, text) -> {
            Section section = null;
            int number = 0;
            for (String line : text.split("\n")) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) continue;
                if (content.startsWith("[") && content.endsWith("]")) {
                    try {
                        section = Section.named(content.substring(1, content.length() - 1));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(file + ":" + number + ": unknown section " + content);
                    }
                    continue;
                }
                if (section == null)
                    throw new IllegalStateException(file + ":" + number + ": a phrase before any [section]");
                List<String> words = phraseWords(content);
                if (words.isEmpty())
                    throw new IllegalStateException(file + ":" + number + ": no words in \"" + content + "\"");
                Phrase phrase = new Phrase(words, section, file);
                if (SIGNALS.contains(section)) {
                    Phrase earlier = signals.putIfAbsent(words, phrase);
                    if (earlier != null && earlier.section() != section) {
                        throw new IllegalStateException(file + ":" + number + ": \"" + content + "\" is already in ["
                                + earlier.section().name().toLowerCase(Locale.ROOT) + "] of " + earlier.file());
                    }
                    if (earlier != null) continue;
                }
                bySection.computeIfAbsent(section, s -> new ArrayList<>()).add(phrase);
            }
        });
        return new ReplyPhrases(bySection);
    }

    private static ReplyPhrases fromResources() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String name = "/replies/" + language + ".txt";
            try (InputStream in = ReplyPhrases.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("missing resource " + name);
                files.put(language + ".txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(files);
    }

    /**
     * Lower-case words in a normal form (NFC, no apostrophes or nukta, chandrabindu as anusvara), with a
     * {@link #BREAK} for each punctuation mark or symbol; a hyphen inside a word joins ("auto-reply").
     */
    static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        normal = IGNORED.matcher(normal).replaceAll("").replace('\u0901', '\u0902');
        normal = JOINING_HYPHEN.matcher(normal).replaceAll(" ");
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD_OR_BREAK.matcher(normal);
        while (matcher.find()) words.add(matcher.group(1) != null ? matcher.group(1) : BREAK);
        return words;
    }

    /** The words alone, as phrases, closing lines and subjects are compared. */
    static List<String> phraseWords(String text) {
        return words(text).stream().filter(w -> !BREAK.equals(w)).toList();
    }

    /**
     * The signal phrases found in {@code words}, longest first; a phrase lying inside a longer one found
     * is left out ("no" inside "no problem"), phrases that only overlap are both kept.
     */
    List<Match> find(List<String> words) {
        List<Match> all = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (Phrase phrase : signalsByFirstWord.getOrDefault(words.get(i), List.of())) {
                List<String> wanted = phrase.words();
                if (i + wanted.size() <= words.size()
                        && words.subList(i, i + wanted.size()).equals(wanted)) {
                    all.add(new Match(phrase, i));
                }
            }
        }
        all.sort(
                Comparator.comparingInt((Match m) -> -m.phrase().words().size()).thenComparingInt(Match::start));
        List<Match> kept = new ArrayList<>();
        for (Match match : all) {
            if (kept.stream().noneMatch(match::within)) kept.add(match);
        }
        return kept;
    }

    /** Whether the whole of {@code line} is one phrase of the section. */
    boolean isWhole(String line, Section section) {
        List<String> words = phraseWords(line);
        return !words.isEmpty()
                && phrases(section).stream().anyMatch(p -> p.words().equals(words));
    }

    /** Whether {@code text} begins with a phrase of the section. */
    boolean startsWith(List<String> words, Section section) {
        return phrases(section).stream()
                .anyMatch(p -> p.words().size() <= words.size()
                        && words.subList(0, p.words().size()).equals(p.words()));
    }

    List<Phrase> phrases(Section section) {
        return bySection.getOrDefault(section, List.of());
    }
}
