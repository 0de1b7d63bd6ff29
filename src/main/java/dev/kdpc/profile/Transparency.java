package dev.kdpc.profile;

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
    Boolean rankingCriteriaDisclosed,
    Boolean feeEffectOnRankingDisclosed,
    Boolean writtenContracts,
    Boolean terminationNoticeGiven,
    Boolean paidPlacement) {}
