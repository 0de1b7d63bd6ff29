package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Share;
import dev.kdpc.profile.Units.Word;
import java.util.List;

/**
 * The service's relevant market in Korea.
 *
 * @param share the company's share (with its affiliates)
 * @param basis what the share measures
 * @param leaders the leading firms of the market, this company included ({@code self: true})
 */
public record Market(
    @Doc(value = "the company's share of the relevant market, with its affiliates (a fraction 0..1 or a percent such as \"58.2%\")", example = "\"58.2%\"") @Share Double share,
    @Doc(value = "what the share measures", example = "usage_time") @Word(Vocabulary.SHARE_BASIS) String basis,
    @Doc("the leading firms of the market, this company included and marked self: true; their shares add up to at most 100% (plus rounding)") @Units.AtMostOne("self") List<Leader> leaders) {}
