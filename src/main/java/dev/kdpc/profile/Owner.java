package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;
import dev.kdpc.profile.Units.Share;
import dev.kdpc.profile.Units.Word;

/**
 * One foreign holder of the company's shares (TBA Art. 8).
 *
 * @param country ISO 3166-1 alpha-2: the holder's country; for a foreign-deemed corporation, the country of
 *     its largest shareholder
 * @param share its share of the company's shares, counted as for {@link ForeignOwnership#share()}
 * @param kind {@code government}, {@code person}, {@code corporation} (a foreign corporation) or
 *     {@code deemed_corporation} (a corporation whose largest shareholder, with at least 15%, is foreign:
 *     Art. 8(3))
 * @param ftaPartner the country is party to a free trade agreement named in the Minister of Science and
 *     ICT's notice under Art. 8(2)
 * @param publicInterestReview where the holding stands in the public-interest review of Art. 10(1) item 4:
 *     {@code none}, {@code pending}, {@code cleared} (no risk to the public interest found) or {@code refused}
 */
public record Owner(
    @Doc(value = "the holder's name", example = "Pacific Fibre Holdings Korea") String name,
    @Doc(value = "ISO 3166-1 alpha-2: the holder's country; for a foreign-deemed corporation, the country of its largest shareholder", example = "US") @Word(Vocabulary.COUNTRY) String country,
    @Doc(value = "its share of the company's shares, counted as foreign_ownership.share is", example = "\"52%\"") @Units.Required @Share Double share,
    @Doc(value = "government, person, corporation (a foreign corporation) or deemed_corporation (a corporation whose largest shareholder, with at least 15%, is foreign: Art. 8(3))", example = "deemed_corporation") @Word(Vocabulary.OWNER_KIND) String kind,
    @Doc(value = "the country is party to a free trade agreement named in the Minister of Science and ICT's notice under Art. 8(2)", example = "true") Boolean ftaPartner,
    @Doc(value = "where the holding stands in the public-interest review of Art. 10(1) item 4: none, pending, cleared (no risk to the public interest found) or refused", example = "pending") @Word(Vocabulary.REVIEW_STATUS) String publicInterestReview) {}
