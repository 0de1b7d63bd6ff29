package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * Transparency towards business users and consumers.
 *
 * @param rankingCriteriaDisclosed the main criteria that decide search and display ranking are disclosed
 * @param feeEffectOnRankingDisclosed how fees or advertising affect ranking is disclosed
 * @param writtenContracts contracts with business users are in writing with the required terms
 * @param terminationNoticeGiven business users get advance notice before termination or suspension
 * @param paidPlacement the service ranks or shows items for payment (paid placement, sponsored listings or
 *     search ads among its results)
 */
public record Transparency(
    @Doc(value = "the main criteria that decide search and display ranking are disclosed", example = "true") Boolean rankingCriteriaDisclosed,
    @Doc(value = "how fees or advertising affect ranking is disclosed", example = "false") Boolean feeEffectOnRankingDisclosed,
    @Doc(value = "contracts with business users are in writing, with the required terms", example = "true") Boolean writtenContracts,
    @Doc(value = "business users get advance notice before termination or suspension", example = "true") Boolean terminationNoticeGiven,
    @Doc(value = "the service ranks or shows items for payment (paid placement, sponsored listings, search ads)", example = "true") Boolean paidPlacement) {}
