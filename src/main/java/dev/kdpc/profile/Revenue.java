package dev.kdpc.profile;

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
public record Revenue(@Krw Long global, @Krw Long korea, @Krw Long intermediation, @Krw Long ictServices, @Krw Long aiServices) {}
