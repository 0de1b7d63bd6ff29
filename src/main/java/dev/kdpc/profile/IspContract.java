package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/** A network-usage contract with a Korean internet service provider. */
public record IspContract(
    @Doc(value = "the internet service provider's name", example = "SK Broadband") String isp,
    @Doc(value = "whether the company pays for network use under the contract", example = "true") Boolean paid) {}
