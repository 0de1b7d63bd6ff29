package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * Transparency towards business users.
 *
 * @param rankingCriteriaDisclosed the main criteria that decide search and display ranking are disclosed
 * @param feeEffectOnRankingDisclosed how fees or advertising affect ranking is disclosed
 * @param writtenContracts contracts with business users are in writing with the required terms
 * @param terminationNoticeGiven business users get advance notice before termination or suspension
 */
public record Transparency(
    @Doc(value = "the main criteria that decide search and display ranking are disclosed", example = "true") Boolean rankingCriteriaDisclosed,
    @Doc(value = "how fees or advertising affect ranking is disclosed", example = "false") Boolean feeEffectOnRankingDisclosed,
    @Doc(value = "contracts with business users are in writing, with the required terms", example = "true") Boolean writtenContracts,
    @Doc(value = "business users get advance notice before termination or suspension", example = "true") Boolean terminationNoticeGiven) {}
