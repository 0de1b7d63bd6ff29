package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Krw;

/**
 * Revenue in won for the fiscal year of the profile.
 *
 * @param global worldwide revenue (company) or the service's worldwide revenue
 * @param korea revenue from the Korean market (direct and indirect)
 * @param intermediation intermediation (commission) revenue in Korea
 * @param ictServices revenue from information-and-communications services
 * @param aiServices revenue from AI products and services, wherever earned (the AI Basic Act's
 *     domestic-agent test reads the AI-service segment's revenue of the previous year)
 */
public record Revenue(
    @Doc(value = "worldwide revenue in won (the company's, or the service's)", example = "\"10조 5,000억원\"") @Krw Long global,
    @Doc(value = "revenue from the Korean market in won, direct and indirect", example = "\"9조 8,000억원\"") @Krw Long korea,
    @Doc(value = "intermediation (commission) revenue in Korea, in won", example = "\"1조 2,000억원\"") @Krw Long intermediation,
    @Doc(value = "revenue from information-and-communications services, in won", example = "\"6조 5,000억원\"") @Krw Long ictServices,
    @Doc(value = "revenue from AI products and services wherever earned, in won (the AI Basic Act's agent test reads the prior year's)", example = "\"1,800억원\"") @Krw Long aiServices) {}
