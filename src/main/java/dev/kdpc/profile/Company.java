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
    @Doc(value = "the company's name, as findings show it", example = "Hanbit Portal Corp.") String name,
    @Doc(value = "the country of the head office, ISO 3166-1 alpha-2 (KR, US, ...)", example = "KR") @Word(Vocabulary.COUNTRY) String headquarters,
    @Doc(value = "whether the company has an address or place of business in Korea", example = "true") Boolean koreanOffice,
    @Doc(value = "whether it controls a Korean corporation (PIPA's 2025 domestic-agent rule)", example = "false") Boolean koreanSubsidiary,
    @Doc(value = "the fiscal year the figures describe (1900 to 2200)", example = "2025") @Units.Year Integer fiscalYear,
    @Doc("the company's revenue in won for the fiscal year") Revenue revenueKrw,
    @Doc(value = "market capitalisation in won (with affiliates), at the end of the fiscal year", example = "\"32조원\"") @Krw Long marketCapKrw,
    @Doc(value = "Korean data subjects whose personal data the company stores or manages, daily average of the last three months of the prior year (persons)", example = "\"30,000,000\"") @Count Long personalDataSubjectsKr,
    @Doc("the company's domestic agent (representative) in Korea") DomesticAgent domesticAgent,
    @Doc(value = "how the company is registered as a carrier under the Telecommunications Business Act: none; value_added (reported under Art. 22, most platforms); facilities_based (a basic carrier under Art. 6 with its own line facilities); non_facilities_based (a basic carrier without them, e.g. a reseller)", example = "value_added") @Word(Vocabulary.CARRIER_REGISTRATION) String carrierRegistration,
    @Doc("who outside Korea holds the company's shares (Telecommunications Business Act Art. 8)") ForeignOwnership foreignOwnership,
    @Doc(value = "a financial company under the Electronic Financial Transactions Act Art. 2 item 3 (excluded from the Network Act's ISMS lines, Enforcement Decree Art. 49(2))", example = "false") Boolean financialCompany,
    @Doc(value = "the provider's average daily users over the whole previous year, all its ICT services together (Network Act Enforcement Decree Art. 49(2) item 3; persons)", example = "\"1,200,000\"") @Count Long dailyUsersPrevYear,
    @Doc(value = "total assets at the end of the previous business year, in won (Network Act Enforcement Decree Art. 36-7: who needs a full-time director as CISO)", example = "\"6조원\"") @Krw Long totalAssetsKrw,
    @Doc(value = "holds a valid information-security management system (ISMS) certification under Network Act Art. 47 (valid three years; state false once it has lapsed)", example = "true") Boolean ismsCertified,
    @Doc("the chief information-security officer (Network Act Art. 45-3)") Ciso ciso,
    @Doc(value = "data subjects whose sensitive data or unique identifiers the company processes (PIPA Enforcement Decree Art. 32(3) item 1 a; persons)", example = "\"60,000\"") @Count Long sensitiveDataSubjectsKr,
    @Doc(value = "holds the personal-information protection certification of PIPA Art. 32-2", example = "false") Boolean pipaCertified,
    @Doc(value = "meets the Enforcement Decree's criteria that make the PIPA certification mandatory (Art. 32-2(1) proviso, from 2027-07-01); no decree sets them as of December 2026, so leave it out unless one does", example = "false") Boolean pipaCertificationCriteriaMet,
    @Doc("the chief privacy officer's governance (PIPA Art. 31(3))") Cpo cpo) {}
