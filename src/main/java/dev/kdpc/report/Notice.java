package dev.kdpc.report;

/** A report-level remark, e.g. that a regime asked for by name had lapsed at the evaluation date. */
public record Notice(String regime, String message) {}
