package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * What a service does about the Network Act's duties of large ICT-service providers (Act No. 21305, in
 * force 2026-07-07).
 *
 * @param annex1Service the service is of a kind listed in Enforcement Decree Annex 1 (the service kinds of
 *     large providers, Art. 2-2; the annex is published on law.go.kr as an attachment)
 * @param reportsAcknowledged a reporter of illegal or false-manipulated information is told the report was
 *     received (Art. 44-12(2))
 * @param actionNotices when the service acts on a report (including dismissing it) it tells the reporter and
 *     the poster the reason and how to appeal (Art. 44-12(3))
 * @param appealsAccepted appeals are accepted for six months from the notice (Art. 44-12(4))
 * @param moderationPolicy an own operating policy on the criteria, reports and measures is in place
 *     (Art. 44-12(6))
 * @param stakeholdersConsulted the policy reflects the views of stakeholders, civic groups and experts
 *     (Art. 44-12(7))
 * @param transparencyReportSemiannual a transparency report is published on the website (or app) at least
 *     every six months (Art. 44-14(1), Enforcement Decree Art. 35-7)
 * @param disinformationPolicy an own policy on false or manipulated information is in place and applied
 *     (Art. 44-16(1))
 */
public record NetworkAct(
    @Doc(value = "the service is of a kind listed in Enforcement Decree Annex 1 (the service kinds of large providers, Art. 2-2; the annex is published on law.go.kr as an attachment)", example = "true") Boolean annex1Service,
    @Doc(value = "a reporter of illegal or false-manipulated information is told the report was received (Art. 44-12(2))", example = "true") Boolean reportsAcknowledged,
    @Doc(value = "when the service acts on a report (including dismissing it) it tells the reporter and the poster the reason and how to appeal (Art. 44-12(3))", example = "true") Boolean actionNotices,
    @Doc(value = "appeals are accepted for six months from the notice (Art. 44-12(4))", example = "true") Boolean appealsAccepted,
    @Doc(value = "an own operating policy on the criteria, reports and measures is in place (Art. 44-12(6))", example = "true") Boolean moderationPolicy,
    @Doc(value = "the policy reflects the views of stakeholders, civic groups and experts (Art. 44-12(7))", example = "false") Boolean stakeholdersConsulted,
    @Doc(value = "a transparency report is published on the website (or app) at least every six months (Art. 44-14(1), Enforcement Decree Art. 35-7)", example = "true") Boolean transparencyReportSemiannual,
    @Doc(value = "an own policy on false or manipulated information is in place and applied (Art. 44-16(1))", example = "true") Boolean disinformationPolicy) {}
