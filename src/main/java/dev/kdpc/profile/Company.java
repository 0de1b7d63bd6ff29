package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Count;
import dev.kdpc.profile.Units.Krw;
import dev.kdpc.profile.Units.Word;

/**
 * The company as a whole. Every field may be null, meaning "not stated": a finding that needs it is
 * then {@code undetermined}, never silently false.
 *
 * @param headquarters ISO 3166-1 alpha-2 country code
 * @param koreanOffice whether the company has an address or place of business in Korea
 * @param koreanSubsidiary whether it controls a Korean corporation
 * @param fiscalYear the year the figures describe
 * @param personalDataSubjectsKr Korean data subjects whose personal data it holds (daily average, last
 *     three months of the prior year)
 */
public record Company(
    @Doc(value = "the company's name, as findings show it", example = "Hanbit Portal Corp.") String name,
    @Doc(value = "the country of the head office, ISO 3166-1 alpha-2 (KR, US, ...)", example = "KR") @Word(Vocabulary.COUNTRY) String headquarters,
    @Doc(value = "whether the company has an address or place of business in Korea", example = "true") Boolean koreanOffice,
    @Doc(value = "whether it controls a Korean corporation (PIPA's 2025 domestic-agent rule)", example = "false") Boolean koreanSubsidiary,
    @Doc(value = "the fiscal year the figures describe (1900 to 2200)", example = "2025") @Units.Year Integer fiscalYear,
    @Doc("the company's revenue in won for the fiscal year") Revenue revenueKrw,
    @Doc(value = "market capitalisation in won (with affiliates), at the end of the fiscal year", example = "\"32조원\"") @Krw Long marketCapKrw,
    @Doc(value = "Korean data subjects whose personal data the company stores or manages, daily average of the last three months of the prior year (persons)", example = "\"30,000,000\"") @Count Long personalDataSubjectsKr,
    @Doc("the company's domestic agent (representative) in Korea") DomesticAgent domesticAgent) {}
