package dev.kdpc.report;

/** A designation test not met but within {@link ProfileReport#NEAR_MISS_MARGIN} of its line. */
public record NearMiss(String rule, String regime, String service, Test test) {}
