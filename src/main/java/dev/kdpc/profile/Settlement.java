package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Count;
import dev.kdpc.profile.Units.Share;

/**
 * How the service pays its business users.
 *
 * @param daysAfterConfirmation days from purchase confirmation to payment
 * @param proceedsHeldSeparately share of the proceeds held apart (deposit or payment guarantee)
 */
public record Settlement(
    @Doc(value = "days from purchase confirmation to payment of the business user (days)", example = "25") @Count Long daysAfterConfirmation,
    @Doc(value = "share of the proceeds held apart, by deposit or payment guarantee (a fraction 0..1 or a percent)", example = "0.5") @Share Double proceedsHeldSeparately) {}
