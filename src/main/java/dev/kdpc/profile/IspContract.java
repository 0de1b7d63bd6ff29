package dev.kdpc.profile;

/** A network-usage contract with a Korean internet service provider. */
public record IspContract(String isp, Boolean paid) {}
