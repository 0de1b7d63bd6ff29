package dev.kdpc.profile;

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
 * @param carrierRegistration how the company is registered as a carrier under the Telecommunications
 *     Business Act: {@code none}; {@code value_added} (reported under Art. 22); {@code facilities_based}
 *     (a basic carrier registered under Art. 6 that installs and runs its own line facilities, decree
 *     Art. 11 and 12); {@code non_facilities_based} (a basic carrier without its own line facilities,
 *     e.g. a reseller)
 * @param foreignOwnership who outside Korea holds the company's shares (TBA Art. 8)
 */
public record Company(
    String name,
    @Word(Vocabulary.COUNTRY) String headquarters,
    Boolean koreanOffice,
    Boolean koreanSubsidiary,
    Integer fiscalYear,
    Revenue revenueKrw,
    @Krw Long marketCapKrw,
    @Count Long personalDataSubjectsKr,
    DomesticAgent domesticAgent,
    @Word(Vocabulary.CARRIER_REGISTRATION) String carrierRegistration,
    ForeignOwnership foreignOwnership) {}
