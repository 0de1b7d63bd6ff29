package dev.kdpc.profile;

import java.util.List;

/** The YAML document as bound, before it becomes a {@link Profile}. */
record ProfileDocument(
    Integer kdpc,
    Company company,
    List<Service> services,
    Cloud cloud,
    Network network,
    LocationData locationData) {}
