package dev.kdpc.profile;

/**
 * Whether the service engages in one practice, and the justification it claims, if any.
 *
 * @param present whether the practice is present
 * @param justification the legitimate reason claimed, or null
 */
public record ConductFact(Boolean present, String justification) {}
