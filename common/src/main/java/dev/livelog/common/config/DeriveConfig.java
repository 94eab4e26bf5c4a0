package dev.livelog.common.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A field computed after parsing from another field, as the seed's {@code post_process}
 * did: the regex is searched in the {@code from} field's text; when it is found the field is
 * {@code value} ({@code $1}, {@code ${name}} and {@code $0} refer to its groups; default:
 * group 1, or the whole match when the regex has no group), otherwise {@code else} (default:
 * absent). {@code type} converts the result like a format's types. For example
 * {@code media: {from: path, regex: '\.(jpe?g|png|gif)$', value: "1", else: "0"}}.
 */
public record DeriveConfig(
    String from,
    String regex,
    String value,
    @JsonProperty("else") String orElse,
    String type) {}
