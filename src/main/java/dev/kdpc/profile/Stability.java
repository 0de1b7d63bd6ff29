package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * Service-stability measures (Telecommunications Business Act Art. 22-7).
 *
 * @param measuresInPlace server capacity, redundant network paths and traffic-surge preparation
 * @param userRequestHandling a channel for user requests, with Korean-language handling
 * @param annualReportFiled this year's implementation report and plan filed with the ministry
 */
public record Stability(
    @Doc(value = "server capacity, redundant network paths and traffic-surge preparation are in place", example = "true") Boolean measuresInPlace,
    @Doc(value = "a channel for user requests exists, with Korean-language handling", example = "true") Boolean userRequestHandling,
    @Doc(value = "this year's implementation report and plan were filed with the ministry", example = "false") Boolean annualReportFiled) {}
