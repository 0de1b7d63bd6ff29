package dev.kdpc.profile;

import java.util.List;

/** Network set-up in Korea. An empty {@code ispContracts} list means "none"; a missing one, "not stated". */
public record Network(List<IspContract> ispContracts) {}
