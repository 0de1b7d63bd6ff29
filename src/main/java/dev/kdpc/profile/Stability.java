package dev.kdpc.profile;

/**
 * Service-stability measures (Telecommunications Business Act Art. 22-7).
 *
 * @param measuresInPlace server capacity, redundant network paths and traffic-surge preparation
 * @param userRequestHandling a channel for user requests, with Korean-language handling
 * @param annualReportFiled this year's implementation report and plan filed with the ministry
 */
public record Stability(Boolean measuresInPlace, Boolean userRequestHandling, Boolean annualReportFiled) {}
