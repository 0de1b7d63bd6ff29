package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

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
    @Doc(value = "the company takes Korean map data out of Korea", example = "true") Boolean exportsMaps,
    @Doc(value = "the most detailed scale exported, as its denominator (5000 for 1:5,000)", example = "5000") @Count Long finestScaleDenominator,
    @Doc(value = "the maps passed the security review", example = "false") Boolean securityReviewPassed,
    @Doc(value = "contour lines and security-sensitive features were removed", example = "true") Boolean sensitiveFeaturesRemoved,
    @Doc(value = "MOLIT permission or the inter-agency council's decision was obtained", example = "false") Boolean exportApproval) {}
