package dev.kdpc.profile;

/**
 * The practices that Korean platform rules restrict. Each is null when the profile does not say.
 * {@code measuresAgainstPress}: the service deleted, blocked, demonetised or suspended content or accounts of
 * a press outlet, internet news service or IPTV broadcaster on a report (Network Act Art. 44-12(8)).
 */
public record Conduct(
    ConductFact selfPreferencing,
    ConductFact tying,
    ConductFact multihomingRestriction,
    ConductFact mfnClause,
    ConductFact dataPortabilityRestriction,
    ConductFact forcesPaymentMethod,
    ConductFact reviewDelay,
    ConductFact appDeletion,
    ConductFact measuresAgainstPress) {}
