package dev.kdpc.profile;

import dev.kdpc.profile.Units.Word;

/**
 * Cloud services offered to public bodies.
 *
 * @param csapTier the CSAP certificate tier held
 * @param requiredTier the tier the customer systems' class requires, where known
 * @param n2sfClass the N2SF class of the customer systems (C, S or O)
 * @param separation how the public-sector cloud is separated from other customers
 * @param nisSecurityReview the service passed the National Intelligence Service's security review for
 *     public-sector use
 */
public record Cloud(
    Boolean servesPublicSector,
    @Word(Vocabulary.CSAP_TIER) String csapTier,
    @Word(Vocabulary.CSAP_TIER) String requiredTier,
    @Word(Vocabulary.N2SF_CLASS) String n2sfClass,
    Boolean dataCentresInKorea,
    @Word(Vocabulary.SEPARATION) String separation,
    Boolean nisSecurityReview) {}
