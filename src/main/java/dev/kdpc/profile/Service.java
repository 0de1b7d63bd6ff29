package dev.kdpc.profile;

import dev.kdpc.profile.Units.Krw;
import dev.kdpc.profile.Units.Share;
import dev.kdpc.profile.Units.Word;

/**
 * One service the company offers in Korea. Findings name it by {@link #id()}.
 *
 * @param trafficShareKr its share of total domestic traffic (daily average, October to December of the
 *     prior year)
 */
public record Service(
    String id,
    String name,
    @Word(Vocabulary.CATEGORY) String category,
    Market market,
    Users users,
    Revenue revenueKrw,
    @Krw Long gmvKrw,
    @Share Double trafficShareKr,
    Conduct conduct,
    Transparency transparency,
    Settlement settlement,
    Stability stability,
    Ai ai,
    AppMarket appMarket) {}
