package dev.kdpc.profile;

/** The practices that Korean platform rules restrict. Each is null when the profile does not say. */
public record Conduct(
    ConductFact selfPreferencing,
    ConductFact tying,
    ConductFact multihomingRestriction,
    ConductFact mfnClause,
    ConductFact dataPortabilityRestriction,
    ConductFact forcesPaymentMethod,
    ConductFact reviewDelay,
    ConductFact appDeletion) {}
