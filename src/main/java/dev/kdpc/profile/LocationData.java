package dev.kdpc.profile;

import dev.kdpc.profile.Units.Count;

/**
 * Export of Korean map data.
 *
 * @param finestScaleDenominator the most detailed scale exported, as the denominator (5000 for 1:5,000)
 * @param securityReviewPassed the maps passed the security review
 * @param sensitiveFeaturesRemoved contour lines and security-sensitive features were removed
 * @param exportApproval MOLIT permission or the inter-agency council's decision was obtained
 */
public record LocationData(
    Boolean exportsMaps,
    @Count Long finestScaleDenominator,
    Boolean securityReviewPassed,
    Boolean sensitiveFeaturesRemoved,
    Boolean exportApproval) {}
