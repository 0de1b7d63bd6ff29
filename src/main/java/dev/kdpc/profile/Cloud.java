package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

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
    @Doc(value = "the cloud service is offered to Korean public bodies", example = "true") Boolean servesPublicSector,
    @Doc(value = "the CSAP certificate tier held", example = "low") @Word(Vocabulary.CSAP_TIER) String csapTier,
    @Doc(value = "the CSAP tier the customer systems' class requires, where known", example = "medium") @Word(Vocabulary.CSAP_TIER) String requiredTier,
    @Doc(value = "the N2SF class of the customer systems: C (classified), S (sensitive) or O (open)", example = "S") @Word(Vocabulary.N2SF_CLASS) String n2sfClass,
    @Doc(value = "the data centres serving public bodies are in Korea", example = "true") Boolean dataCentresInKorea,
    @Doc(value = "how the public-sector cloud is separated from other customers", example = "logical") @Word(Vocabulary.SEPARATION) String separation,
    @Doc(value = "the service passed the National Intelligence Service's security review for public-sector use", example = "false") Boolean nisSecurityReview) {}
