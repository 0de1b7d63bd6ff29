package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

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
    @Doc(value = "the service's id, which findings refer to: lower-case letters, digits, '-' and '_', at most 64, unique in the profile", example = "search") @Units.Id @Units.Required String id,
    @Doc(value = "the service's name", example = "Hanbit Search") String name,
    @Doc(value = "what kind of service it is; which kinds a law covers is decided in the rules", example = "search") @Word(Vocabulary.CATEGORY) String category,
    @Doc("the service's relevant market in Korea") Market market,
    @Doc("the service's Korean users") Users users,
    @Doc("the service's revenue in won for the fiscal year") Revenue revenueKrw,
    @Doc(value = "gross merchandise value transacted through the service in Korea for the fiscal year, in won", example = "\"5조 2,000억원\"") @Krw Long gmvKrw,
    @Doc(value = "the service's share of all domestic internet traffic, daily average of October to December of the prior year (a fraction 0..1 or a percent)", example = "0.021") @Share Double trafficShareKr,
    @Doc("the practices Korean platform rules restrict, each stated present or absent") Conduct conduct,
    @Doc("transparency towards business users") Transparency transparency,
    @Doc("how the service pays its business users") Settlement settlement,
    @Doc("service-stability measures (Telecommunications Business Act Art. 22-7)") Stability stability,
    @Doc("the AI in the service (Framework Act on AI)") Ai ai,
    @Doc("how an app market protects its users (Telecommunications Business Act Art. 22-9(1), Enforcement Decree Art. 30-9)") AppMarket appMarket,
    @Doc("the service's measures under the Network Act's duties of large ICT-service providers (Act No. 21305, from 2026-07-07)") NetworkAct networkAct) {}
