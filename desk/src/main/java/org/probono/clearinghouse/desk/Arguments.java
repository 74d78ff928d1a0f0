package org.probono.clearinghouse.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A desk command line: the words (command and its arguments) and the options, {@code --name value} or
 * {@code --name=value}. Options may come anywhere; {@code --} ends them.
 */
record Arguments(List<String> words, Map<String, String> options) {
    /** Options that take a value. */
    static final Set<String> VALUED =
            Set.of("local", "stack", "region", "zone", "by", "reason", "hours", "limit", "outcome", "older-than");
    /** Options that are switches. */
    static final Set<String> SWITCHES = Set.of("json", "csv", "pending", "help");

    Arguments {
        words = List.copyOf(words);
        options = Map.copyOf(options);
    }

    static Arguments parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyWords || !arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyWords = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (SWITCHES.contains(name)) {
                if (value != null) throw DeskFailure.usage("--" + name + " takes no value.");
                value = "";
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) throw DeskFailure.usage("--" + name + " needs a value.");
                    value = args[++i];
                }
            } else {
                throw DeskFailure.usage("Unknown option --" + name + "; desk help lists the options.");
            }
            if (options.put(name, value) != null) throw DeskFailure.usage("--" + name + " is given twice.");
        }
        return new Arguments(words, options);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The command's own arguments: the words after the command's name. */
    List<String> rest() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /** A whole number option within bounds, or empty when absent. */
    Optional<Integer> integer(String name, int min, int max) {
        return option(name).map(value -> {
            try {
                int parsed = Integer.parseInt(value.strip());
                if (parsed >= min && parsed <= max) return parsed;
            } catch (NumberFormatException e) {
                // said below
            }
            throw DeskFailure.usage(
                    "--" + name + " takes a whole number from " + min + " to " + max + ", not '" + value + "'.");
        });
    }

    /** A decimal number option within bounds ({@code 6.5}), or empty when absent. */
    Optional<Double> number(String name, double min, double max) {
        return option(name).map(value -> {
            try {
                double parsed = Double.parseDouble(value.strip());
                if (parsed >= min && parsed <= max) return parsed;
            } catch (NumberFormatException e) {
                // said below
            }
            throw DeskFailure.usage(
                    "--" + name + " takes a number from " + (int) min + " to " + (int) max + ", not '" + value + "'.");
        });
    }

    /** Only these options make sense for the command at hand (the target, output and --by options always do: an alias may carry them). */
    void allowOnly(String command, Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)
                    && !Set.of("local", "stack", "region", "zone", "json", "help", "by")
                            .contains(name)) {
                throw DeskFailure.usage("desk " + command + " takes no --" + name + "; see desk help " + command + ".");
            }
        }
    }
}
