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
 * @param financialCompany a financial company under the Electronic Financial Transactions Act Art. 2 item 3
 *     (excluded from the Network Act's ISMS lines, Enforcement Decree Art. 49(2) items 2 and 3)
 * @param dailyUsersPrevYear the provider's average daily users over the whole previous year (Network Act
 *     Enforcement Decree Art. 49(2) item 3: all its ICT services together, no three-month window)
 * @param totalAssetsKrw total assets at the end of the previous business year (Network Act Enforcement
 *     Decree Art. 36-7: who must have a director as full-time CISO)
 * @param ismsCertified holds a valid information-security management system (ISMS) certification under
 *     Network Act Art. 47 (valid three years, Art. 47(5); state false once it has lapsed)
 * @param ciso the chief information-security officer (Network Act Art. 45-3)
 * @param sensitiveDataSubjectsKr data subjects whose sensitive data or unique identifiers it processes
 *     (PIPA Enforcement Decree Art. 32(3) item 1 a)
 * @param pipaCertified holds the PIPA personal-information protection certification of PIPA Art. 32-2
 * @param pipaCertificationCriteriaMet meets the Enforcement Decree's criteria that make the PIPA
 *     certification mandatory (Art. 32-2(1) proviso, from 2027-07-01); no decree sets them as of
 *     December 2026, so leave it out unless one does
 * @param cpo the chief privacy officer's governance (PIPA Art. 31(3))
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
    ForeignOwnership foreignOwnership,
    Boolean financialCompany,
    @Count Long dailyUsersPrevYear,
    @Krw Long totalAssetsKrw,
    Boolean ismsCertified,
    Ciso ciso,
    @Count Long sensitiveDataSubjectsKr,
    Boolean pipaCertified,
    Boolean pipaCertificationCriteriaMet,
    Cpo cpo) {}
