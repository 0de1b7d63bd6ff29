package dev.kdpc.report;

/**
 * Where the law's text admits another reading than the rule's, the outcome under that reading (shown
 * only when it differs from the finding's).
 *
 * @param reading the other reading, in the rule's words
 * @param outcome the outcome under it
 * @param note the tests it turns on, with the profile's values
 */
public record Reading(String reading, Outcome outcome, String note) {}
