package dev.kdpc.profile;

/**
 * Transparency towards business users.
 *
 * @param rankingCriteriaDisclosed the main criteria that decide search and display ranking are disclosed
 * @param feeEffectOnRankingDisclosed how fees or advertising affect ranking is disclosed
 * @param writtenContracts contracts with business users are in writing with the required terms
 * @param terminationNoticeGiven business users get advance notice before termination or suspension
 */
public record Transparency(
    Boolean rankingCriteriaDisclosed,
    Boolean feeEffectOnRankingDisclosed,
    Boolean writtenContracts,
    Boolean terminationNoticeGiven) {}
