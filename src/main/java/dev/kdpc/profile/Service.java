package dev.kdpc.profile;

import dev.kdpc.profile.Units.Krw;
import dev.kdpc.profile.Units.Share;
import dev.kdpc.profile.Units.Word;

/**
 * One service the company offers in Korea. Findings name it by {@link #id()}.
 *
 * @param trafficShareKr its share of total domestic traffic (daily average, October to December of the
 *     prior year)
 * @param networkAct the large-provider facts of the Network Act (Art. 2(1) item 3-2, Arts. 44-12 to 44-16)
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
    AppMarket appMarket,
    NetworkAct networkAct) {}
