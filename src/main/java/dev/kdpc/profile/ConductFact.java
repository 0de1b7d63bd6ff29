package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * Whether the service engages in one practice, and the justification it claims, if any.
 *
 * @param present whether the practice is present
 * @param justification the legitimate reason claimed, or null
 */
public record ConductFact(
    @Doc(value = "whether the practice is present", example = "true") Boolean present,
    @Doc(value = "the legitimate reason claimed for it, if any (a finding then says a justification is claimed, to review)", example = "security review of third-party payment providers") String justification) {}
