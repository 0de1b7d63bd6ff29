package dev.kdpc.profile;

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
public record Market(@Share Double share, @Word(Vocabulary.SHARE_BASIS) String basis, List<Leader> leaders) {}
