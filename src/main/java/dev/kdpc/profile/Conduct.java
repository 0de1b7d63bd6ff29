package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/** The practices that Korean platform rules restrict. Each is null when the profile does not say. */
public record Conduct(
    @Doc("favouring the platform's own goods or services over business users'") ConductFact selfPreferencing,
    @Doc("making the use of one service depend on buying another") ConductFact tying,
    @Doc("keeping business users from using competing platforms") ConductFact multihomingRestriction,
    @Doc("requiring terms at least as good as those given on other channels (most-favoured-nation clause)") ConductFact mfnClause,
    @Doc("restricting the transfer of users' data to other services") ConductFact dataPortabilityRestriction,
    @Doc("forcing app developers to use a particular payment method (Telecommunications Business Act Art. 50)") ConductFact forcesPaymentMethod,
    @Doc("delaying app review without good reason") ConductFact reviewDelay,
    @Doc("deleting apps without good reason") ConductFact appDeletion,
    @Doc("paid placement or sponsored content shown without saying it is advertising (Fair Labeling and Advertising Act Art. 3(1) item 2)") ConductFact unlabelledPaidPlacement,
    @Doc("providing the service in a way that markedly harms users' interests (Telecommunications Business Act Art. 50(1) item 5)") ConductFact harmsUserInterest,
    @Doc("restricting the deletion of software not essential to a mobile device, or installing software that restricts installing other software (Telecommunications Business Act Art. 50(1) item 8)") ConductFact restrictsSoftwareDeletion,
    @Doc("deleting, blocking, demonetising or suspending content or accounts of a press outlet, internet news service or IPTV broadcaster on a report (Network Act Art. 44-12(8))") ConductFact measuresAgainstPress) {}
