package dev.kdpc.profile;

/**
 * The practices that Korean platform rules restrict. Each is null when the profile does not say.
 *
 * @param unlabelledPaidPlacement paid placement or sponsored content shown without saying it is advertising
 * @param harmsUserInterest providing the service in a way that markedly harms users' interests (TBA Art. 50(1) item 5)
 * @param restrictsSoftwareDeletion restricting the deletion of software not essential to a mobile device, or
 *     installing software that restricts installing other software (TBA Art. 50(1) item 8)
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
    ConductFact unlabelledPaidPlacement,
    ConductFact harmsUserInterest,
    ConductFact restrictsSoftwareDeletion,
    ConductFact measuresAgainstPress) {}
