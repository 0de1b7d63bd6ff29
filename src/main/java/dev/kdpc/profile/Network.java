package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import java.util.List;

/** Network set-up in Korea. An empty {@code ispContracts} list means "none"; a missing one, "not stated". */
public record Network(@Doc("network-usage contracts with Korean internet service providers; an empty list means none") List<IspContract> ispContracts) {}
